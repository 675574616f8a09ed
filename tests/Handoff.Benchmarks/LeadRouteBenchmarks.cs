using BenchmarkDotNet.Attributes;
using Handoff.Places;
using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Leads;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Suggestions;
using Handoff.Scheduling.Time;
using Handoff.Scheduling.Travel;
using NodaTime;

namespace Handoff.Benchmarks;

/// <summary>
/// Inbound lead routing (target: at most 20 ms warm): a lead in Fresno routed in a 10-RSM California territory, the
/// pool's calendars (200 items each) read once, each RSM's earliest slots over 10 business days with travel, the pick
/// and who is live now. Baseline: one check of a draft with the same RSM, through the same core and ports.
/// </summary>
[MemoryDiagnoser]
public class LeadRouteBenchmarks
{
    private const int Rsms = 10;
    private const int BlocksPerRsm = 200;

    private MeetingCheckService _checks = null!;
    private LeadRouter _router = null!;
    private MeetingRequest _request = null!;
    private LeadToRoute _lead = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var profiles = Enumerable.Range(1, Rsms).Select(SyntheticOrg.CaliforniaRsm).ToArray();
        var snapshot = new OrgSnapshot(profiles, [SyntheticOrg.California(profiles)], internalDomains: ["example.com"]);
        var calendars = new PrebuiltCalendars(profiles.ToDictionary(r => r.Email, _ => new RsmCalendar(SyntheticOrg.Calendar(random, BlocksPerRsm)), StringComparer.OrdinalIgnoreCase));
        var directory = new SnapshotDirectory(snapshot);
        var clock = new StoppedClock(SyntheticOrg.Now);
        var places = new GazetteerPlaceResolver(Gazetteer.Default);
        var travel = new TravelOptions();
        var checker = SyntheticOrg.ProductChecker(travel);
        _checks = new MeetingCheckService(directory, calendars, clock, checker, new CheckOptions(), places);
        _router = new LeadRouter(directory, calendars, clock, places, new TripEstimator(travel), new CheckOptions(), new PriorityLeadPicker());
        const string where = "Acme Metals, 2200 E Jensen Ave, Fresno, CA 93706";
        _request = new MeetingRequest(SyntheticOrg.Meeting, TimeZoneIds.Resolve("America/New_York"), [profiles[0].Email, "cfo@acme-metals.example"], "sdr@example.com", where);
        _lead = new LeadToRoute("cfo@acme-metals.example", where, null, Duration.FromMinutes(30));

        // The route must really search the whole pool and offer slots, or the figure would flatter it.
        var route = Route().GetAwaiter().GetResult();
        if (route.Pick is null || route.Slots.Count == 0 || route.Alternatives.Count != Rsms - 1)
        {
            throw new InvalidOperationException($"Routed to {route.Pick?.Rsm.Email} with {route.Slots.Count} slots and {route.Alternatives.Count} alternatives.");
        }
    }

    [Benchmark(Baseline = true)]
    public Task<CheckResult> CheckOneDraft() => _checks.CheckAsync(_request, CancellationToken.None);

    [Benchmark]
    public Task<LeadRoute> Route() => _router.RouteAsync(_lead, CancellationToken.None);
}
