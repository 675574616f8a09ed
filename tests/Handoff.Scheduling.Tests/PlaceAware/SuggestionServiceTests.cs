using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Suggestions;
using NodaTime;
using NodaTime.Testing;
using static Handoff.Scheduling.Tests.PlaceAware.Geo;

namespace Handoff.Scheduling.Tests.PlaceAware;

/// <summary>Ranked suggestions end to end: candidates, one calendar read, ranking, variety, reasons.</summary>
public class SuggestionServiceTests
{
    private static readonly Instant Sunday = Utc("2026-04-12T12:00:00Z");
    private static readonly LocalDate Monday = new(2026, 4, 13);

    private static readonly RsmProfile Dana = Crew.Dana();
    private static readonly RsmProfile Alex = Crew.Rsm("alex@example.com", "Alex Kim", Mountain, Denver, "metals-recycling");
    private static readonly RsmProfile Wes = Crew.Rsm("wes@example.com", "Wes Tan", Pacific, LosAngeles);

    private static MeetingRequest Draft(string? location, DateTimeZone? organizer = null, DateTimeZone? prospectZone = null, string? vertical = null, params string[] rsms) =>
        new(new Interval(Sunday, Sunday + Duration.FromHours(1)), organizer ?? Pacific, [.. rsms, "cfo@acme.example"], "sdr@example.com", location, prospectZone, vertical);

    private static async Task<SuggestionResult> SuggestAsync(MeetingRequest draft, OrgSnapshot org, StubCalendars calendars, Instant? now = null,
        LocalDate? windowStart = null, int days = 5, int max = 10, bool alternatives = true)
    {
        var service = new SuggestionService(new StubDirectory(org), calendars, new FakeClock(now ?? Sunday), new PlaceBook(), Crew.Estimator(), new CheckOptions());
        return await service.SuggestAsync(new SuggestionQuery(draft, windowStart, days, max, alternatives), CancellationToken.None);
    }

    [Test]
    public async Task PrefersTheDownTheStreetSlot_AndStillOffersTheEarliest()
    {
        var dana = Crew.Dana(home: Bakersfield);
        var calendars = new StubCalendars().With(dana.Email, Item("2026-04-14T13:00", "2026-04-14T14:00", Pacific, SierraSteelText, "Plant visit"));

        var result = await SuggestAsync(Draft(FresnoText, rsms: dana.Email), new OrgSnapshot([dana]), calendars, days: 2, max: 3);

        var first = result.Suggestions[0];
        Assert.Multiple(() =>
        {
            Assert.That(result.Suggestions.Select(s => s.Slot.Start), Is.EqualTo(new[]
            {
                Local("2026-04-14T11:00", Pacific), // next to Tuesday's plant visit 4 km away
                Local("2026-04-14T14:30", Pacific), // right after it
                Local("2026-04-13T11:00", Pacific), // Monday's earliest: 2 h 58 min from home in Bakersfield
            }));
            Assert.That(first.Reasons.Select(r => r.Code), Is.EqualTo(new[]
            {
                ReasonCodes.TravelFits, ReasonCodes.NearRsmMeeting, ReasonCodes.ProspectBusinessHours, ReasonCodes.RsmAvailable,
            }));
            Assert.That(first.Reasons[1].Message, Is.EqualTo("Down the street: Dana Ruiz has “Plant visit” 4 km away at 1:00 PM Pacific Time."));
            Assert.That(first.Reasons[0].Message, Is.EqualTo("Dana Ruiz can get from home (Bakersfield) to Fresno in ~2 h 58 min after the working day starts."));
            Assert.That(first.Reasons[2].Message, Is.EqualTo("Tuesday 11:00 AM–12:00 PM Pacific Time for the prospect in Fresno, inside their business hours."));
            Assert.That(first.IsAlternativeRsm, Is.False);
            // Tuesday (day 1), 11:00 (660 min), the 163 min drive from Bakersfield, minus the down-the-street bonus.
            Assert.That(first.Score, Is.EqualTo(1 * 1440 + 660 + 163 - 2880));
        });
    }

    [Test]
    public async Task AmongEquals_TheRsmWithTheShorterTripComesFirst()
    {
        var near = Crew.Rsm("near@example.com", "Nia Near", Pacific, Clovis, "metals-recycling");
        var far = Crew.Rsm("far@example.com", "Fay Far", Pacific, Bakersfield, "metals-recycling");
        var morning = new[] { Item("2026-04-13T08:00", "2026-04-13T12:00", Pacific, null, "Training") };
        var calendars = new StubCalendars().With(far.Email, morning).With(near.Email, morning);

        var result = await SuggestAsync(Draft(FresnoText, vertical: "metals-recycling"), new OrgSnapshot([far, near]), calendars, days: 1, max: 2);

        Assert.Multiple(() =>
        {
            Assert.That(result.Suggestions.Select(s => (s.Rsm.Email, s.Slot.Start)), Is.EqualTo(new[]
            {
                (near.Email, Local("2026-04-13T12:00", Pacific)),
                (near.Email, Local("2026-04-13T14:00", Pacific)),
            }));
            Assert.That(result.Suggestions[0].Score, Is.EqualTo(720 + 180 + 12), "noon, specialist, 12 min from Clovis");
        });
    }

    [Test]
    public async Task FindsTheFirstAvailableAlternativeRsm()
    {
        var out3Days = Enumerable.Range(13, 3).Select(d => Item($"2026-04-{d}T00:00", $"2026-04-{d + 1}T00:00", Pacific, null, "Vacation", BusyStatus.OutOfOffice)).ToArray();
        var calendars = new StubCalendars().With(Dana.Email, out3Days);
        var org = new OrgSnapshot([Dana, Alex, Wes], internalDomains: ["example.com"]);

        var result = await SuggestAsync(Draft("Microsoft Teams Meeting", prospectZone: Pacific, vertical: "metals-recycling", rsms: Dana.Email), org, calendars, max: 50);

        var first = result.Suggestions[0];
        var firstDana = result.Suggestions.First(s => s.Rsm == Dana);
        Assert.Multiple(() =>
        {
            Assert.That(first.Rsm, Is.EqualTo(Alex));
            Assert.That(first.IsAlternativeRsm, Is.True);
            Assert.That(first.Slot.Start, Is.EqualTo(Local("2026-04-13T08:00", Pacific)), "9:00 AM for Alex in Denver, 8:00 AM for the prospect");
            Assert.That(first.Reasons.Select(r => r.Message), Does.Contain("Alex Kim specialises in metals-recycling."));
            Assert.That(first.Reasons.Select(r => r.Code), Does.Contain(ReasonCodes.OnlineMeeting));
            Assert.That(firstDana.Slot.Start, Is.EqualTo(Local("2026-04-16T08:00", Pacific)));
            Assert.That(firstDana.IsAlternativeRsm, Is.False);
            Assert.That(result.Suggestions.Select(s => s.Rsm).Distinct(), Is.EquivalentTo(new[] { Dana, Alex }), "Wes neither owns nor specialises");
        });
    }

    [Test]
    public async Task TerritoryOwner_IsOfferedAsAlternative_WithTheReason()
    {
        var west = new Territory(Guid.NewGuid(), "West", new TerritoryRules(Regions: ["US-CA"]), [new TerritoryAssignment(Wes.Email, 1)], DefaultProspectZone: Pacific);
        var org = new OrgSnapshot([Dana, Wes], [west], internalDomains: ["example.com"]);
        var calendars = new StubCalendars().With(Dana.Email, Item("2026-04-13T08:00", "2026-04-13T17:00", Pacific, null, "Busy"));

        var result = await SuggestAsync(Draft("Los Angeles, CA", rsms: Dana.Email), org, calendars, days: 1, max: 5);

        var wes = result.Suggestions[0];
        Assert.Multiple(() =>
        {
            Assert.That(result.Suggestions.Select(s => s.Rsm).Distinct(), Is.EqualTo(new[] { Wes }), "Dana is busy all day");
            Assert.That(wes.IsAlternativeRsm, Is.True);
            Assert.That(result.Suggestions.Select(s => s.Slot.Start), Is.EqualTo(new[] { Local("2026-04-13T08:00", Pacific), Local("2026-04-13T10:00", Pacific) }),
                "Wes lives in Los Angeles (same site, no travel); two per day, two hours apart");
            Assert.That(wes.Reasons.Single(r => r.Code == ReasonCodes.TerritoryOwner).Message,
                Is.EqualTo("Wes Tan owns Los Angeles, CA 90012: region US-CA in territory West."));
        });
    }

    [Test]
    public async Task SpansADstChangeCorrectly()
    {
        // US clocks spring forward on Sunday 2026-03-08; London's only on 03-29. SDR in London, Dana in LA, prospect in New York.
        var result = await SuggestAsync(Draft("Microsoft Teams Meeting", London, Eastern, rsms: Dana.Email), new OrgSnapshot([Dana]), new StubCalendars(),
            now: Utc("2026-03-05T12:00:00Z"), windowStart: new LocalDate(2026, 3, 6), days: 3, max: 50, alternatives: false);

        Assert.That(result.Suggestions.Select(s => s.Slot.Start), Is.EqualTo(new[]
        {
            Utc("2026-03-06T16:00:00Z"), Utc("2026-03-06T18:00:00Z"), // Friday: 8 AM PST = 16:00 UTC
            Utc("2026-03-09T15:00:00Z"), Utc("2026-03-09T17:00:00Z"), // Monday: 8 AM PDT = 15:00 UTC
            Utc("2026-03-10T15:00:00Z"), Utc("2026-03-10T17:00:00Z"),
        }));
        var monday = result.Suggestions[2].Times;
        Assert.Multiple(() =>
        {
            Assert.That(monday[0].LocalStart, Is.EqualTo(new LocalDateTime(2026, 3, 9, 15, 0)), "3:00 PM in London (still GMT)");
            Assert.That(monday[1].LocalStart, Is.EqualTo(new LocalDateTime(2026, 3, 9, 11, 0)), "11:00 AM in New York (EDT)");
            Assert.That(monday[2].LocalStart, Is.EqualTo(new LocalDateTime(2026, 3, 9, 8, 0)), "8:00 AM for Dana (PDT)");
            Assert.That(monday[2].UtcOffset, Is.EqualTo(Offset.FromHours(-7)));
        });
    }

    [Test]
    public async Task ReadsAllCalendarsOnce_OverTheWholeWindow()
    {
        var calendars = new StubCalendars();
        var org = new OrgSnapshot([Dana, Alex], internalDomains: ["example.com"]);

        await SuggestAsync(Draft("Microsoft Teams Meeting", vertical: "metals-recycling", rsms: Dana.Email), org, calendars, days: 10);

        Assert.Multiple(() =>
        {
            Assert.That(calendars.Reads, Has.Count.EqualTo(1));
            Assert.That(calendars.Reads[0].Emails, Is.EquivalentTo(new[] { Dana.Email, Alex.Email }));
            // Mon 04-13 … Fri 04-24 in Pacific Time, ±14 h, whole UTC days.
            Assert.That(calendars.Reads[0].Window, Is.EqualTo(new Interval(Utc("2026-04-12T00:00:00Z"), Utc("2026-04-26T00:00:00Z"))));
        });
    }

    [Test]
    public async Task AnUnreadableCalendar_IsANotice_AndOthersAreStillSuggested()
    {
        var calendars = new StubCalendars().Failing(Dana.Email, new CalendarProblem("Graph is throttling requests", Outage: true));
        var org = new OrgSnapshot([Dana, Alex], internalDomains: ["example.com"]);

        var result = await SuggestAsync(Draft("Microsoft Teams Meeting", prospectZone: Pacific, vertical: "metals-recycling", rsms: Dana.Email), org, calendars, max: 3);

        Assert.Multiple(() =>
        {
            Assert.That(result.Notices, Is.EqualTo(new[] { "Could not read Dana Ruiz's calendar (Graph is throttling requests), so no times are suggested for Dana Ruiz." }));
            Assert.That(result.Suggestions.Select(s => s.Rsm).Distinct(), Is.EqualTo(new[] { Alex }));
        });
    }

    [Test]
    public async Task NobodyToSearchFor_SaysWhatIsMissing()
    {
        var result = await SuggestAsync(Draft("Microsoft Teams Meeting"), new OrgSnapshot([Dana]), new StubCalendars());

        Assert.Multiple(() =>
        {
            Assert.That(result.Suggestions, Is.Empty);
            Assert.That(result.Notices.Single(), Does.StartWith("Add an RSM to the invite"));
        });
    }

    [Test]
    public async Task AnyRsmForTheTerritory_MakesTheOwnerThePrimary()
    {
        var west = new Territory(Guid.NewGuid(), "West", new TerritoryRules(Regions: ["US-CA"]), [new TerritoryAssignment(Wes.Email, 1), new TerritoryAssignment(Dana.Email, 2)]);
        var org = new OrgSnapshot([Dana, Wes], [west], internalDomains: ["example.com"]);

        var result = await SuggestAsync(Draft("Los Angeles, CA"), org, new StubCalendars(), days: 1, max: 10);

        Assert.Multiple(() =>
        {
            Assert.That(result.Suggestions[0].Rsm, Is.EqualTo(Wes));
            Assert.That(result.Suggestions[0].IsAlternativeRsm, Is.False);
            Assert.That(result.Suggestions.Where(s => s.Rsm == Dana).All(s => s.IsAlternativeRsm), Is.True);
        });
    }
}
