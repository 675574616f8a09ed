using BenchmarkDotNet.Running;

// All:   dotnet run -c Release --project tests/Handoff.Benchmarks -- --filter '*'
// Smoke: dotnet run -c Release --project tests/Handoff.Benchmarks -- --filter '*' --job Dry --inProcess
// See docs/benchmarks.md for what each class measures and the latest figures.
if (args.Contains("--inProcess", StringComparer.OrdinalIgnoreCase) && ReportsSelected(args))
{
    Handoff.Benchmarks.ReportBenchmarks.PrepareStores(); // before the in-process toolchain's per-benchmark timeout starts
}
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Handoff.Benchmarks.ZoneBenchmarks).Assembly).Run(args);
var reports = summaries.SelectMany(s => s.Reports).ToArray();
var failed = reports.Count(r => !r.Success) + summaries.Count(s => s.HasCriticalValidationErrors);
Console.WriteLine($"benchmarks: {reports.Length - reports.Count(r => !r.Success)} passed, {failed} failed");
return failed == 0 ? 0 : 1;

// A filter that can match ReportBenchmarks ('*', '*Report*', …): only then seed its stores up front.
static bool ReportsSelected(string[] args)
{
    var at = Array.FindIndex(args, a => a is "--filter" or "-f");
    return at >= 0 && args.Skip(at + 1).TakeWhile(a => !a.StartsWith('-')).Any(f => f == "*" || f.Contains("Report", StringComparison.OrdinalIgnoreCase));
}
