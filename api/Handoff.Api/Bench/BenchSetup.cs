using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Org;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Handoff.Api.Bench;

public static class BenchSetup
{
    /// <summary>
    /// Load-test fixtures, only with <c>Bench:Enabled=true</c>: a synthetic org (<c>Bench:Rsms</c>) and synthetic
    /// calendars (<c>Bench:EventsPerRsm</c>), registered keyed and bound to the check instead of the store's directory
    /// and the demo calendar by Adapters/AdapterChoice (which reads the same settings). Off by default; see docs/benchmarks.md.
    /// </summary>
    public static WebApplicationBuilder AddBench(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<BenchOptions>().BindConfiguration(BenchOptions.Section).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BenchOptions>, BenchOptionsValidator>());
        var options = builder.Configuration.GetSection(BenchOptions.Section).Get<BenchOptions>() ?? new BenchOptions();
        if (!options.Enabled)
        {
            return builder;
        }
        if (options.Rsms > 0)
        {
            builder.Services.AddKeyedSingleton<IOrgDirectory>(nameof(Adapters.DirectorySourceKind.Bench), new BenchOrgDirectory(BenchOrg.Snapshot(Math.Min(options.Rsms, BenchOptions.MaxRsms))));
        }
        if (options.EventsPerRsm > 0)
        {
            builder.Services.AddKeyedSingleton<ICalendarSource>(nameof(Adapters.CalendarSourceKind.Bench), (sp, _) => new BenchCalendarSource(options.EventsPerRsm, sp.GetRequiredService<IOrgDirectory>()));
        }
        builder.Services.AddHostedService<BenchNotice>();
        return builder;
    }
}

/// <summary>Says loudly at start-up that this instance answers from synthetic data.</summary>
internal sealed partial class BenchNotice(IOptions<BenchOptions> options, IConfiguration configuration, ILogger<BenchNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        LogBenchMode(logger, o.Rsms > 0 ? $"{o.Rsms} synthetic RSMs" : "the configured directory",
            o.EventsPerRsm > 0 ? $"{o.EventsPerRsm} synthetic items per RSM and read" : "the configured calendars",
            configuration[Infrastructure.ClockSetup.FixedInstantKey] ?? "the wall clock");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bench mode (not for production): POST /api/v1/meetings/echo is mapped; org: {Org}; calendars: {Calendars}; clock: {Clock}.")]
    private static partial void LogBenchMode(ILogger logger, string org, string calendars, string clock);
}
