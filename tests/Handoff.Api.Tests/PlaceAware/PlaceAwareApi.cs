using Handoff.Api.Demo;
using Handoff.Api.Tests.Support;
using Handoff.Scheduling.Calendars;
using Handoff.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using NodaTime.Text;

namespace Handoff.Api.Tests.PlaceAware;

/// <summary>
/// The API on a throwaway SQLite store seeded with the demo org, at a fixed instant: Sunday 2026-11-22 18:00 UTC,
/// so "next Thursday" is 2026-11-26 and Dana Ruiz's field plan puts her in Sacramento on 11-25 and 11-26.
/// Calendars are the demo's, and their reads are counted.
/// </summary>
public sealed class PlaceAwareApi : IAsyncDisposable
{
    public static readonly Instant Now = InstantPattern.ExtendedIso.Parse("2026-11-22T18:00:00Z").Value;

    private readonly TestDatabase _database;
    private readonly HandoffApp _app;

    private PlaceAwareApi(TestDatabase database)
    {
        _database = database;
        _app = new HandoffApp(database, new Dictionary<string, string?> { ["Demo:Seed"] = null }, services =>
        {
            services.RemoveAll<ICalendarSource>();
            services.AddSingleton<ICalendarSource>(Calendars);
        });
        // Before the host starts: the demo seed dates its field plans from the clock.
        _app.Clock.Reset(Now);
        Client = _app.CreateClient();
    }

    public CountingCalendars Calendars { get; } = new(new DemoCalendarSource());

    public HttpClient Client { get; }

    public static async Task<PlaceAwareApi> StartAsync() => new(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }
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
