using Handoff.Api.Demo;
using Handoff.Scheduling.Calendars;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using NodaTime.Testing;
using NodaTime.Text;

namespace Handoff.Api.Tests.PlaceAware;

/// <summary>
/// The demo API at a fixed instant: Sunday 2026-11-22 18:00 UTC, so "next Thursday" is 2026-11-26 and Dana Ruiz's
/// field plan puts her in Sacramento on 11-25 and 11-26. Counts calendar reads.
/// </summary>
public sealed class PlaceAwareApiFactory : WebApplicationFactory<Program>
{
    public static readonly Instant Now = InstantPattern.ExtendedIso.Parse("2026-11-22T18:00:00Z").Value;

    public CountingCalendars Calendars { get; } = new(new DemoCalendarSource());

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IClock>();
            services.AddSingleton<IClock>(new FakeClock(Now));
            services.RemoveAll<ICalendarSource>();
            services.AddSingleton<ICalendarSource>(Calendars);
        });
}

public sealed class CountingCalendars(ICalendarSource inner) : ICalendarSource
{
    private int _reads;

    public int Reads => _reads;

    public Task<IReadOnlyList<CalendarLookup>> ReadAsync(IReadOnlyList<string> emails, Interval window, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        return inner.ReadAsync(emails, window, cancellationToken);
    }
}
