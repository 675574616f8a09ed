using BenchmarkDotNet.Attributes;
using Handoff.Places;
using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Suggestions;
using Handoff.Scheduling.Travel;
using Handoff.Scheduling.Time;
using NodaTime;

namespace Handoff.Benchmarks;

/// <summary>
/// Suggestions for 20 RSMs over 10 business days (target: at most 5 ms). The draft invites one RSM of a 20-RSM
/// California territory to an in-person meeting in Fresno; with alternatives the search covers all 20 RSMs, one team
/// each, over calendars of 200 items each (about 7 a day), with travel from each RSM's previous stop. Baseline: one
/// check of the same draft through the same core and ports, so the ratio says how many checks a suggestion search
/// costs. <see cref="SuggestInsteadOfBlocked"/> is what a blocked check adds (three suggestions near its day).
/// </summary>
[MemoryDiagnoser]
public class SuggestionBenchmarks
{
    private const int Rsms = 20;
    private const int BlocksPerRsm = 200;
    private const int BusinessDays = 10;

    private MeetingCheckService _checks = null!;
    private SuggestionService _suggestions = null!;
    private MeetingRequest _request = null!;
    private CountingCalendars _calendars = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var profiles = Enumerable.Range(1, Rsms).Select(SyntheticOrg.CaliforniaRsm).ToArray();
        var snapshot = new OrgSnapshot(profiles, [SyntheticOrg.California(profiles)], internalDomains: ["example.com"]);
        _calendars = new CountingCalendars(profiles.ToDictionary(r => r.Email, _ => new RsmCalendar(SyntheticOrg.Calendar(random, BlocksPerRsm)), StringComparer.OrdinalIgnoreCase));
        var directory = new SnapshotDirectory(snapshot);
        var clock = new StoppedClock(SyntheticOrg.Now);
        var places = new GazetteerPlaceResolver(Gazetteer.Default);
        var travel = new TravelOptions();
        var checker = SyntheticOrg.ProductChecker(travel);
        _checks = new MeetingCheckService(directory, _calendars, clock, checker, new CheckOptions(), places);
        _suggestions = new SuggestionService(directory, _calendars, clock, places, new TripEstimator(travel), new CheckOptions());
        _request = new MeetingRequest(SyntheticOrg.Meeting, TimeZoneIds.Resolve("America/New_York"), [profiles[0].Email, "cfo@acme-metals.example"],
            "sdr@example.com", "Acme Metals, 2200 E Jensen Ave, Fresno, CA 93706");

        // The search must really cover 20 calendars and find times, or the figure would flatter it.
        _calendars.Reset();
        var result = Suggest().GetAwaiter().GetResult();
        if (_calendars.Emails != Rsms || result.Suggestions.Count == 0 || result.Window is null)
        {
            throw new InvalidOperationException($"The search read {_calendars.Emails} calendars and found {result.Suggestions.Count} suggestions: {string.Join(" ", result.Notices)}");
        }
    }

    [Benchmark(Baseline = true)]
    public Task<CheckResult> CheckSameDraft() => _checks.CheckAsync(_request, CancellationToken.None);

    [Benchmark]
    public Task<SuggestionResult> Suggest() =>
        _suggestions.SuggestAsync(new SuggestionQuery(_request, SyntheticOrg.Meeting.Start.InUtc().Date, BusinessDays), CancellationToken.None);

    [Benchmark]
    public Task<SuggestionResult> SuggestInsteadOfBlocked() =>
        _suggestions.SuggestAsync(SuggestionQuery.InsteadOf(_request, SyntheticOrg.Now), CancellationToken.None);

    /// <summary>Prebuilt calendars that count the mailboxes asked for.</summary>
    private sealed class CountingCalendars(IReadOnlyDictionary<string, RsmCalendar> calendars) : ICalendarSource
    {
        private readonly PrebuiltCalendars _inner = new(calendars);

        public int Emails { get; private set; }

        public void Reset() => Emails = 0;

        public Task<IReadOnlyList<CalendarLookup>> ReadAsync(IReadOnlyList<string> emails, Interval window, CancellationToken cancellationToken)
        {
            Emails += emails.Count;
            return _inner.ReadAsync(emails, window, cancellationToken);
        }
    }
}
