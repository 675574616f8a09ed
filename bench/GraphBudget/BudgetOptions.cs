using System.Globalization;

namespace Handoff.Bench.GraphBudget;

/// <summary>Command line: --api PATH/Handoff.Api.dll [--latency 100] [--samples 20] [--warm 3] [--rsms 1,5,20] [--items-per-day 8] [--warmup 300] [--api-log FILE] [--smoke].</summary>
internal sealed record BudgetOptions(string ApiDll, int LatencyMs, int Samples, int WarmPerCold, int[] RsmCounts, int ItemsPerDay, string? ApiLog, int WarmUpChecks)
{
    public static BudgetOptions Parse(string[] args)
    {
        string? api = null, apiLog = null;
        int latency = 100, samples = 20, warm = 3, itemsPerDay = 8, warmUp = DefaultWarmUp;
        int[] rsms = [1, 5, 20];
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--api": api = Next(); break;
                case "--latency": latency = Int(Next()); break;
                case "--samples": samples = Int(Next()); break;
                case "--warm": warm = Int(Next()); break;
                case "--items-per-day": itemsPerDay = Int(Next()); break;
                case "--rsms": rsms = Next().Split(',').Select(Int).ToArray(); break;
                case "--api-log": apiLog = Next(); break;
                case "--warmup": warmUp = Int(Next()); break;
                case "--smoke": samples = 2; warm = 1; warmUp = 2; break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }
        if (api is null || !File.Exists(api))
        {
            throw new ArgumentException("--api must name the published Handoff.Api.dll.");
        }
        if (samples is < 1 or > 200 || warm is < 0 or > 20 || latency is < 0 or > 2000 || itemsPerDay is < 0 or > 100 || rsms.Any(n => n is < 1 or > 20) || warmUp is < 0 or > 1000)
        {
            throw new ArgumentException("Out of range: samples 1-200, warm 0-20, latency 0-2000 ms, items-per-day 0-100, rsms 1-20 each, warmup 0-1000.");
        }
        return new BudgetOptions(api, latency, samples, warm, rsms, itemsPerDay, apiLog, warmUp);
    }

    /// <summary>
    /// Unmeasured cold checks (each followed by a warm one) before the rows: the API's JIT is tiered with dynamic PGO, so
    /// a method runs unoptimised, then instrumented, then optimised, ~30 calls per step; the cold path (the reader, its
    /// converters, the mapping) runs once per cold check. A run of 12 rows after 40 cold checks showed the cold p50
    /// falling row by row for the first ~250 cold checks (+26 → +8–10 ms), warm checks alike (1.2 → 0.5 ms), then flat;
    /// with 150 the first rows were still +12–20 ms, with 300 +8–14 ms.
    /// </summary>
    public const int DefaultWarmUp = 300;

    private static int Int(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
