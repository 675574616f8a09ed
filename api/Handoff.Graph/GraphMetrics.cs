using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Handoff.Graph;

/// <summary>
/// The Graph reader's OpenTelemetry signals (meter and activity source "Handoff.Graph"): getSchedule calls by
/// outcome, and schedule-cache lookups by hit or miss. Exported only when the host configures an exporter.
/// </summary>
public static class GraphMetrics
{
    public const string Name = "Handoff.Graph";

    public static readonly ActivitySource Activities = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Calls = Meter.CreateCounter<long>("handoff.graph.calls", "{call}", "Graph getSchedule calls, by outcome (ok, degraded).");

    private static readonly Counter<long> CacheLookups = Meter.CreateCounter<long>("handoff.graph.cache.lookups", "{lookup}", "Schedule cache lookups per RSM day, by result (hit, miss).");

    public static void Call(bool ok) => Calls.Add(1, new KeyValuePair<string, object?>("outcome", ok ? "ok" : "degraded"));

    public static void CacheLookup(bool hit, int days = 1) => CacheLookups.Add(days, new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));
}
