using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Suggestions;
using NodaTime;
using NodaTime.Testing;
using static Handoff.Scheduling.Tests.PlaceAware.Geo;

namespace Handoff.Scheduling.Tests.PlaceAware;

/// <summary>
/// A check reads the whole suggestion window in one read (so a blocked check's suggestions cost no second read) but
/// does only its meeting's day's work: calendars kept by day (<see cref="DayItems"/>) map and place a day's items when
/// something looks at that day. Counted through the days' and the gazetteer's own seams, never timed.
/// </summary>
public class DayByDayCalendarTests
{
    private static readonly Instant Now = Utc("2026-04-13T12:00:00Z");
    private static readonly RsmProfile Dana = Crew.Dana();

    /// <summary>Thursday: a plant visit in Fresno until 9:30, so a 10:00 meeting in Sacramento is impossible (blocked).</summary>
    private static readonly BusyBlock PlantVisit = Item("2026-04-16T07:30", "2026-04-16T09:30", Pacific, SierraSteelText, "Plant visit");

    /// <summary>Later days' sites: only a suggestion search has reason to place them.</summary>
    private static readonly BusyBlock[] LaterDays =
    [
        Item("2026-04-20T09:00", "2026-04-20T10:00", Pacific, "Bakersfield, CA", "Yard walk"),
        Item("2026-04-22T14:00", "2026-04-22T15:00", Pacific, "Clovis, CA", "Review"),
        Item("2026-04-24T23:00", "2026-04-25T02:00", Pacific, "Los Angeles, CA", "Late install"),
    ];

    private static MeetingRequest At(string localStart)
    {
        var start = Local(localStart, Pacific);
        return new MeetingRequest(new Interval(start, start + Duration.FromHours(1)), Pacific, [Dana.Email, "cfo@acme.example"], "sdr@example.com", SacramentoText);
    }

    private static (MeetingCheckService Service, DayCalendars Calendars, CountingPlaces Places) Service()
    {
        var org = new OrgSnapshot([Dana], internalDomains: ["example.com"]);
        var calendars = new DayCalendars().With(Dana.Email, [PlantVisit, .. LaterDays]);
        var places = new CountingPlaces(new PlaceBook());
        var clock = new FakeClock(Now);
        var suggestions = new SuggestionService(new StubDirectory(org), calendars, clock, places, Crew.Estimator(), new CheckOptions());
        return (new MeetingCheckService(new StubDirectory(org), calendars, clock, Crew.FullChecker(), new CheckOptions(), places, suggestions), calendars, places);
    }

    [Test]
    public async Task ClearCheck_ReadsTheWindow_ButMapsAndPlacesOnlyTheMeetingsDay()
    {
        var (service, calendars, places) = Service();

        var outcome = await service.CheckAsync(At("2026-04-16T13:00"), suggestWhenBlocked: true, CancellationToken.None);

        var read = calendars.Reads.Single();
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Check.Verdict, Is.Not.EqualTo(Verdict.Blocked));
            Assert.That(outcome.Check.Warnings.Select(w => w.Code), Has.None.EqualTo(WarningCodes.CalendarUnavailable));
            Assert.That(read.Window.Contains(LaterDays[^1].Interval.Start), "one read covers the suggestion window too");
            // Dana's Thursday in Pacific time is 07:00 UTC Thursday to 07:00 UTC Friday: those two UTC days, no other.
            Assert.That(calendars.MappedDays, Is.EquivalentTo(new[] { new LocalDate(2026, 4, 16), new LocalDate(2026, 4, 17) }));
            Assert.That(calendars.Assembled, Is.False, "the whole window's item list is never built");
            Assert.That(places.Texts, Does.Not.Contain("Bakersfield, CA").And.Not.Contain("Clovis, CA").And.Not.Contain("Los Angeles, CA"));
            Assert.That(places.Texts, Does.Contain(SierraSteelText), "the meeting's day is placed (the travel rule needs it)");
        });
    }

    [Test]
    public async Task BlockedCheck_SuggestionsComeFromTheSameRead_AndPullTheOtherDaysThen()
    {
        var (service, calendars, places) = Service();

        var outcome = await service.CheckAsync(At("2026-04-16T10:00"), suggestWhenBlocked: true, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Check.Verdict, Is.EqualTo(Verdict.Blocked));
            Assert.That(outcome.Suggestions!.Suggestions, Has.Count.EqualTo(SuggestionQuery.InsteadOfBlockedCount));
            Assert.That(calendars.Reads, Has.Count.EqualTo(1), "one read for the check and its suggestions");
            Assert.That(calendars.Assembled, Is.True, "the search reads the whole window");
            Assert.That(places.Texts, Does.Contain("Bakersfield, CA"), "the search places the later days' stops");
        });
    }

    /// <summary>
    /// The same drafts, checked over calendars kept by day and over the same items in one list: the same verdicts,
    /// warnings (messages included) and suggestions, for random calendars with stops on many days and items across midnight.
    /// </summary>
    [Test]
    public async Task ByDay_AnswersAsTheWholeList([Range(1, 25)] int seed)
    {
        var random = new Random(seed);
        string[] sites = [SierraSteelText, FresnoText, SacramentoText, "Bakersfield, CA", "Clovis, CA", "Los Angeles, CA", "Microsoft Teams Meeting", "Somewhere unknown"];
        var items = new List<BusyBlock>();
        for (var day = 0; day < 16; day++)
        {
            for (var k = 0; k < random.Next(0, 6); k++)
            {
                var start = Local("2026-04-15T00:00", Pacific) + Duration.FromDays(day) + Duration.FromMinutes(30 * random.Next(8, 46));
                var status = random.Next(8) == 0 ? BusyStatus.Tentative : BusyStatus.Busy;
                items.Add(new BusyBlock(new Interval(start, start + Duration.FromMinutes(30 * random.Next(1, 7))), status, sites[random.Next(sites.Length)], $"Visit {day}.{k}", random.Next(10) == 0));
            }
        }
        var org = new OrgSnapshot([Dana], internalDomains: ["example.com"]);
        var clock = new FakeClock(Now);
        async Task<CheckOutcome> Check(ICalendarSource calendars, MeetingRequest request)
        {
            var suggestions = new SuggestionService(new StubDirectory(org), calendars, clock, new PlaceBook(), Crew.Estimator(), new CheckOptions());
            var service = new MeetingCheckService(new StubDirectory(org), calendars, clock, Crew.FullChecker(), new CheckOptions(), new PlaceBook(), suggestions);
            return await service.CheckAsync(request, suggestWhenBlocked: true, CancellationToken.None);
        }

        for (var i = 0; i < 4; i++)
        {
            var start = Local("2026-04-16T00:00", Pacific) + Duration.FromDays(random.Next(0, 3)) + Duration.FromMinutes(30 * random.Next(14, 38));
            var request = new MeetingRequest(new Interval(start, start + Duration.FromMinutes(30 * random.Next(1, 4))), Pacific,
                [Dana.Email, "cfo@acme.example"], "sdr@example.com", sites[random.Next(6)]);

            var byDay = await Check(new DayCalendars().With(Dana.Email, items.ToArray()), request);
            var list = await Check(new StubCalendars().With(Dana.Email, items.ToArray()), request);

            Assert.That(Said(byDay), Is.EqualTo(Said(list)), $"meeting at {start}");
        }
    }

    private static string[] Said(CheckOutcome outcome) =>
    [
        outcome.Check.Verdict.ToString(),
        .. outcome.Check.Warnings.Select(w => $"{w.Code} {w.Severity} {w.Message}"),
        .. (outcome.Suggestions?.Suggestions ?? []).Select(s => $"{s.Slot} {s.Score} {string.Join(" | ", s.Reasons.Select(r => r.Message))}"),
    ];
}

/// <summary>Calendars kept by UTC day as a calendar adapter keeps them, recording every read and which days were mapped.</summary>
internal sealed class DayCalendars : ICalendarSource
{
    private readonly Dictionary<string, BusyBlock[]> _items = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<CountingDay> _days = [];
    private readonly List<DayItems> _calendars = [];

    public List<(IReadOnlyList<string> Emails, Interval Window)> Reads { get; } = [];

    /// <summary>The UTC dates whose items something looked at.</summary>
    public IEnumerable<LocalDate> MappedDays => _days.Where(d => d.Mapped).Select(d => d.Day.Start.InUtc().Date).Distinct();

    /// <summary>Whether any calendar's whole item list was built.</summary>
    public bool Assembled => _calendars.Any(c => c.Assembled);

    public DayCalendars With(string email, BusyBlock[] items)
    {
        _items[email] = items;
        return this;
    }

    public Task<IReadOnlyList<CalendarLookup>> ReadAsync(IReadOnlyList<string> emails, Interval window, CancellationToken cancellationToken)
    {
        Reads.Add((emails, window));
        var lookups = new List<CalendarLookup>();
        foreach (var email in emails)
        {
            var items = _items.GetValueOrDefault(email) ?? [];
            var days = new List<ICalendarDay>();
            for (var start = window.Start; start < window.End; start += Duration.FromDays(1))
            {
                var day = new Interval(start, start + Duration.FromDays(1));
                var counted = new CountingDay(day, items.Where(i => i.Overlaps(day)).ToArray());
                _days.Add(counted);
                days.Add(counted);
            }
            var byDay = new DayItems(days, window);
            _calendars.Add(byDay);
            lookups.Add(CalendarLookup.Found(email, new RsmCalendar(byDay)));
        }
        return Task.FromResult<IReadOnlyList<CalendarLookup>>(lookups);
    }

    private sealed class CountingDay(Interval day, BusyBlock[] blocks) : ICalendarDay
    {
        public Interval Day { get; } = day;

        public bool Mapped { get; private set; }

        public IReadOnlyList<BusyBlock> Blocks
        {
            get
            {
                Mapped = true;
                return blocks;
            }
        }
    }
}

/// <summary>A gazetteer that records every text it was asked to place.</summary>
internal sealed class CountingPlaces(IPlaceResolver inner) : IPlaceResolver
{
    public List<string?> Texts { get; } = [];

    public LocationMatch Resolve(string? location)
    {
        Texts.Add(location);
        return inner.Resolve(location);
    }
}
