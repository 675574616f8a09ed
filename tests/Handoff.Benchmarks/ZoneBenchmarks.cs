using BenchmarkDotNet.Attributes;
using Handoff.Scheduling.Time;
using NodaTime;

namespace Handoff.Benchmarks;

/// <summary>Zone normalisation (IANA, Windows, legacy ids) against NodaTime's own provider lookup.</summary>
[MemoryDiagnoser]
public class ZoneBenchmarks
{
    [Benchmark(Baseline = true)]
    public DateTimeZone NodaTimeProvider() => DateTimeZoneProviders.Tzdb["America/Los_Angeles"];

    [Benchmark]
    public DateTimeZone? Iana() => TimeZoneIds.TryResolve("America/Los_Angeles", out var zone) ? zone : null;

    [Benchmark]
    public DateTimeZone? Windows() => TimeZoneIds.TryResolve("Pacific Standard Time", out var zone) ? zone : null;

    [Benchmark]
    public DateTimeZone? LegacyLink() => TimeZoneIds.TryResolve("Asia/Calcutta", out var zone) ? zone : null;
}
