using BenchmarkDotNet.Attributes;
using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Checks;
using Handoff.Places;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Travel;

namespace Handoff.Benchmarks;

/// <summary>
/// The whole check through the core: <see cref="MeetingCheckService.CheckAsync"/> with the directory and calendar
/// ports answered from memory (a warm cache), against the baseline of the rules alone
/// (<see cref="MeetingChecker.Evaluate"/>) over the very draft the service builds. The ratio is what the use case adds
/// around the rules: classifying attendees, the calendar port call, resolving the meeting place (gazetteer) and its
/// territory, building each RSM's context and itinerary. Both run the API's rule set (core, travel, field plans,
/// territory). 200 items per RSM, as in the HTTP load test; a third of them carry a Fresno address.
/// </summary>
[MemoryDiagnoser]
public class CheckServiceBenchmarks
{
    private const int BlocksPerRsm = 200;

    private readonly MeetingChecker _checker = SyntheticOrg.ProductChecker(new TravelOptions());
    private MeetingCheckService _service = null!;
    private MeetingRequest _request = null!;
    private MeetingDraft _draft = null!;

    [Params(1, 5, 20)]
    public int Rsms { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var synthetic = SyntheticOrg.Draft(Rsms, BlocksPerRsm);
        var profiles = synthetic.Rsms.Select(r => r.Profile).ToArray();
        var snapshot = new OrgSnapshot(profiles, [SyntheticOrg.California(profiles)], internalDomains: ["example.com"]);
        var calendars = synthetic.Rsms.ToDictionary(r => r.Profile.Email, r => new RsmCalendar(r.Items), StringComparer.OrdinalIgnoreCase);
        _service = new MeetingCheckService(new SnapshotDirectory(snapshot), new PrebuiltCalendars(calendars), new StoppedClock(SyntheticOrg.Now), _checker,
            new CheckOptions(), new GazetteerPlaceResolver(Gazetteer.Default));
        _request = SyntheticOrg.Request(synthetic);

        // The baseline evaluates the very draft the service builds, so the ratio compares the same rules' work.
        _draft = _service.CheckAsync(_request, CancellationToken.None).GetAwaiter().GetResult().Draft;
        if (_draft.Rsms.Count != Rsms || _draft.Rsms.Any(r => r.Items.Count != BlocksPerRsm || r.CalendarProblem is not null))
        {
            throw new InvalidOperationException("The service did not see every RSM's calendar; the benchmark would measure the wrong work.");
        }
    }

    [Benchmark(Baseline = true)]
    public CheckResult EvaluatePrebuiltDraft() => _checker.Evaluate(_draft, SyntheticOrg.Now);

    [Benchmark]
    public Task<CheckResult> CheckThroughService() => _service.CheckAsync(_request, CancellationToken.None);
}
