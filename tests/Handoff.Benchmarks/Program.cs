using BenchmarkDotNet.Running;

// All:   dotnet run -c Release --project tests/Handoff.Benchmarks -- --filter '*'
// Smoke: dotnet run -c Release --project tests/Handoff.Benchmarks -- --filter '*' --job Dry --inProcess
// See docs/benchmarks.md for what each class measures and the latest figures.
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
var reports = summaries.SelectMany(s => s.Reports).ToArray();
var failed = reports.Count(r => !r.Success) + summaries.Count(s => s.HasCriticalValidationErrors);
Console.WriteLine($"benchmarks: {reports.Length - reports.Count(r => !r.Success)} passed, {failed} failed");
return failed == 0 ? 0 : 1;
