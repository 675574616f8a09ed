using BenchmarkDotNet.Attributes;
using Handoff.Scheduling.Checks;

namespace Handoff.Benchmarks;

/// <summary>
/// The rules over one draft, against the floor of a bare overlap scan of the same items: the ratio is what
/// the rules (hours, zones, DST, messages) cost beyond finding conflicts.
/// </summary>
[MemoryDiagnoser]
public class ConflictEvaluationBenchmarks
{
    private readonly MeetingChecker _checker = new();
    private MeetingDraft _draft = null!;

    [Params(1, 5, 20)]
    public int Rsms { get; set; }

    [Params(10, 200, 2000)]
    public int BlocksPerRsm { get; set; }

    [GlobalSetup]
    public void Setup() => _draft = SyntheticOrg.Draft(Rsms, BlocksPerRsm);

    [Benchmark(Baseline = true)]
    public int OverlapScan()
    {
        var conflicts = 0;
        foreach (var rsm in _draft.Rsms)
        {
            foreach (var item in rsm.Items)
            {
                if (item.Overlaps(_draft.Meeting))
                {
                    conflicts++;
                }
            }
        }
        return conflicts;
    }

    [Benchmark]
    public CheckResult Evaluate() => _checker.Evaluate(_draft, SyntheticOrg.Now);
}
