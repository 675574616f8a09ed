using Handoff.Graph;
using Microsoft.Extensions.Options;

namespace Handoff.Api.Bench;

/// <summary>
/// The <c>Bench</c> section: fixtures for load tests (bench/http-ratio.sh, bench/graph-budget.sh), off by default.
/// Nothing here applies unless <see cref="Enabled"/> is true. See docs/benchmarks.md.
/// </summary>
public sealed class BenchOptions
{
    public const string Section = "Bench";
    public const int MaxRsms = 500;
    public const int MaxEventsPerRsm = 5000;

    /// <summary>Maps <c>POST /api/v1/meetings/echo</c>, the trivial baseline beside the check, and turns on the settings below.</summary>
    public bool Enabled { get; set; }

    /// <summary>When above 0, the directory is a synthetic org of this many RSMs (bench.rsm01@example.com, …).</summary>
    public int Rsms { get; set; }

    /// <summary>When above 0, calendars are synthetic: every read returns this many items per RSM within the window.</summary>
    public int EventsPerRsm { get; set; }

    internal static string Key(string setting) => $"{Section}:{setting}";
}

internal sealed class BenchOptionsValidator(IConfiguration configuration) : IValidateOptions<BenchOptions>
{
    public ValidateOptionsResult Validate(string? name, BenchOptions o)
    {
        var errors = new List<string>();
        if (o.Rsms is < 0 or > BenchOptions.MaxRsms)
        {
            errors.Add($"{BenchOptions.Key(nameof(o.Rsms))} must be between 0 and {BenchOptions.MaxRsms} (got {o.Rsms}).");
        }
        if (o.EventsPerRsm is < 0 or > BenchOptions.MaxEventsPerRsm)
        {
            errors.Add($"{BenchOptions.Key(nameof(o.EventsPerRsm))} must be between 0 and {BenchOptions.MaxEventsPerRsm} (got {o.EventsPerRsm}).");
        }
        if (!o.Enabled && (o.Rsms != 0 || o.EventsPerRsm != 0))
        {
            // A synthetic org that silently does not apply would make a load test measure the wrong thing.
            errors.Add($"{BenchOptions.Key(nameof(o.Rsms))} and {BenchOptions.Key(nameof(o.EventsPerRsm))} only apply with {BenchOptions.Key(nameof(o.Enabled))}=true.");
        }
        if (o.Enabled && o.EventsPerRsm > 0 && configuration.HasGraphSection())
        {
            errors.Add($"{BenchOptions.Key(nameof(o.EventsPerRsm))} replaces the calendar, but a Graph section is configured too: set one or the other.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
