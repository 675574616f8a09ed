using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Org;
using NodaTime;
using NodaTime.Testing;
using static Handoff.Scheduling.Tests.PlaceAware.Geo;

namespace Handoff.Scheduling.Tests.PlaceAware;

/// <summary>
/// Travel before and after an in-person meeting, through the check service (places resolved by the test
/// gazetteer). Dana: 80 km/h, 10 min buffer after / 15 min before each in-person meeting, drives at most 4 h.
/// Thursday 2026-04-16, Pacific Time.
/// </summary>
public class TravelRuleTests
{
    private static readonly Instant Now = Utc("2026-04-13T12:00:00Z");

    [Test]
    public async Task Fresno930ToSacramento1000_IsBlockedWithNeededAndAvailableTime()
    {
        var result = await CheckAsync("2026-04-16T10:00", SacramentoText, Crew.Dana(),
            Item("2026-04-16T07:30", "2026-04-16T09:30", Pacific, SierraSteelText, "Plant visit"));

        var warning = result.Warnings.Single();
        Assert.Multiple(() =>
        {
            Assert.That(warning.Code, Is.EqualTo(WarningCodes.TravelTimeBefore));
            Assert.That(warning.Severity, Is.EqualTo(Severity.Blocker));
            Assert.That(warning.Party, Is.EqualTo(new PartyRef(PartyKind.Rsm, "dana@example.com")));
            // 258 km: a 4 h 12 min drive is past her 4 h limit, so a flight: 120 + 22 min, plus 10 + 15 min buffers.
            Assert.That(warning.Message, Is.EqualTo(
                "Dana Ruiz needs ~2 h 48 min (flying, with time at the airports) to get from Fresno to Sacramento after “Plant visit” that ends 9:30 AM Pacific Time, but has 30 min."));
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Blocked));
        });
    }

    [Test]
    public async Task AcrossFresnoWithHalfAnHour_Fits()
    {
        var result = await CheckAsync("2026-04-16T10:00", FresnoText, Crew.Dana(),
            Item("2026-04-16T07:30", "2026-04-16T09:30", Pacific, SierraSteelText, "Plant visit"));

        Assert.That(result.Warnings, Is.Empty);
    }

    [Test]
    public async Task AcrossFresnoWithoutRoomForBuffers_IsAWarning()
    {
        var result = await CheckAsync("2026-04-16T09:45", FresnoText, Crew.Dana(),
            Item("2026-04-16T07:30", "2026-04-16T09:30", Pacific, SierraSteelText, "Plant visit"));

        var warning = result.Warnings.Single();
        Assert.Multiple(() =>
        {
            // 4 km: 4 min driving, 10 + 15 min buffers. She can make it by cutting buffers: a warning, not a blocker.
            Assert.That(warning.Severity, Is.EqualTo(Severity.Warning));
            Assert.That(warning.Message, Is.EqualTo(
                "Dana Ruiz needs ~29 min to get across Fresno after “Plant visit” that ends 9:30 AM Pacific Time, but has 15 min."));
        });
    }

    [Test]
    public async Task BackToBackAtTheSameSite_NeedsNoTravelOrBuffers()
    {
        var result = await CheckAsync("2026-04-16T09:30", FresnoText, Crew.Dana(),
            Item("2026-04-16T08:30", "2026-04-16T09:30", Pacific, "93706", "Intro"));

        Assert.That(result.Warnings, Is.Empty);
    }

    [TestCase("2026-04-16T16:00", null, null)]
    [TestCase("2026-04-16T15:00", Severity.Warning, "8 h")]
    [TestCase("2026-04-16T12:00", Severity.Blocker, "5 h")]
    public async Task CrossCountryGap_NeedsAFlight(string localStart, Severity? expected, string? available)
    {
        // New York 9–10 AM Eastern (6–7 AM Pacific), then Los Angeles: 3,935 km, 7 h 38 min flying, 8 h 3 min with buffers.
        var result = await CheckAsync(localStart, "Los Angeles, CA", Crew.Dana(),
            Item("2026-04-16T09:00", "2026-04-16T10:00", Eastern, "New York, NY", "Board meeting"));

        if (expected is null)
        {
            Assert.That(result.Warnings, Is.Empty);
            return;
        }
        var warning = result.Warnings.Single();
        Assert.Multiple(() =>
        {
            Assert.That(warning.Severity, Is.EqualTo(expected));
            Assert.That(warning.Message, Is.EqualTo(
                $"Dana Ruiz needs ~8 h 3 min (flying, with time at the airports) to get from New York to Los Angeles after “Board meeting” that ends 7:00 AM Pacific Time, but has {available}."));
        });
    }

    [Test]
    public async Task FirstMeetingOfTheDay_IsReachedFromHomeBase_AndAtMostAWarning()
    {
        var result = await CheckAsync("2026-04-16T09:00", SacramentoText, Crew.Dana());

        var warning = result.Warnings.Single();
        Assert.Multiple(() =>
        {
            Assert.That(warning.Code, Is.EqualTo(WarningCodes.TravelTimeBefore));
            Assert.That(warning.Severity, Is.EqualTo(Severity.Warning));
            Assert.That(warning.Message, Is.EqualTo(
                "Dana Ruiz would have to leave home (Fresno) by 6:23 AM Pacific Time, before the working day starts at 8:00 AM, to reach Sacramento in time (~2 h 37 min, flying, with time at the airports)."));
        });
    }

    [TestCase("2026-04-16T08:30", false)]
    [TestCase("2026-04-16T08:15", true)]
    public async Task FromHomeNearby_CountsTheDriveAndTheBufferBefore(string localStart, bool warned)
    {
        // Clovis → Fresno: 12 km, 12 min driving + 15 min buffer before = 27 min.
        var result = await CheckAsync(localStart, FresnoText, Crew.Dana(home: Clovis));

        Assert.That(result.Warnings.Select(w => w.Message), warned
            ? Is.EqualTo(new[] { "Dana Ruiz would have to leave home (Clovis) by 7:48 AM Pacific Time, before the working day starts at 8:00 AM, to reach Fresno in time (~27 min)." })
            : Is.Empty);
    }

    [Test]
    public async Task AMeetingBeforeTheWorkingDay_HasNoTravelWarning_TheHoursRuleSaysIt()
    {
        var result = await CheckAsync("2026-04-16T07:00", FresnoText, Crew.Dana(home: Clovis));

        Assert.That(result.Warnings.Select(w => w.Code), Does.Not.Contain(WarningCodes.TravelTimeBefore));
    }

    [Test]
    public async Task AnEarlierCommitmentStillRunning_IsWhereTheRsmComesFrom_NotHome()
    {
        // 8:30–10:00 plant visit in Fresno, meeting 9:00 in Sacramento: the overlap is RSM_BUSY; no "leave home" advice.
        var result = await CheckAsync("2026-04-16T09:00", SacramentoText, Crew.Dana(),
            Item("2026-04-16T08:30", "2026-04-16T10:00", Pacific, SierraSteelText, "Plant visit"));

        Assert.That(result.Warnings.Select(w => w.Message), Has.None.Contains("leave home"));
    }

    [Test]
    public async Task AnAppointmentTheDayBefore_DoesNotCount_HomeBaseDoes()
    {
        var result = await CheckAsync("2026-04-16T10:00", FresnoText, Crew.Dana(),
            Item("2026-04-15T15:00", "2026-04-15T16:00", Pacific, SacramentoText, "Trade show"));

        Assert.That(result.Warnings, Is.Empty);
    }

    [Test]
    public async Task UnknownPreviousLocation_IsSaidToBeUnchecked()
    {
        var result = await CheckAsync("2026-04-16T10:00", SacramentoText, Crew.Dana(),
            Item("2026-04-16T08:30", "2026-04-16T09:30", Pacific, "Acme HQ", "Customer meeting"));

        var warning = result.Warnings.Single();
        Assert.Multiple(() =>
        {
            Assert.That(warning.Code, Is.EqualTo(WarningCodes.LocationUnknown));
            Assert.That(warning.Severity, Is.EqualTo(Severity.Info));
            Assert.That(warning.Party.Kind, Is.EqualTo(PartyKind.Rsm));
            Assert.That(warning.Message, Is.EqualTo(
                "Travel from “Customer meeting” (ends 9:30 AM Pacific Time) to this meeting is not checked: Handoff cannot place 'Acme HQ' on the map."));
        });
    }

    [Test]
    public async Task PrivatePreviousAppointment_IsUncheckedAndRevealsNothing()
    {
        var result = await CheckAsync("2026-04-16T10:00", SacramentoText, Crew.Dana(),
            Item("2026-04-16T08:30", "2026-04-16T09:30", Pacific, SierraSteelText, "Dentist", isPrivate: true));

        Assert.That(result.Warnings.Select(w => w.Message), Is.EqualTo(new[]
        {
            "Travel from a private appointment (ends 9:30 AM Pacific Time) to this meeting is not checked: its location is not shared.",
        }));
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task PlacedAndPrivateAppointmentsEndingTogether_TheTripFromThePlacedOneIsJudged(bool privateListedFirst)
    {
        // Two commitments end at 9:30: a private one (where is not shared) and a plant visit in Fresno. Whichever the
        // calendar lists first, the trip that can be judged is judged (the flight to Sacramento does not fit in 30 min),
        // instead of "not checked" from the private one hiding it.
        BusyBlock[] items =
        [
            Item("2026-04-16T08:30", "2026-04-16T09:30", Pacific, SierraSteelText, "Dentist", isPrivate: true),
            Item("2026-04-16T07:30", "2026-04-16T09:30", Pacific, SierraSteelText, "Plant visit"),
        ];
        var result = await CheckAsync("2026-04-16T10:00", SacramentoText, Crew.Dana(), privateListedFirst ? items : [items[1], items[0]]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Blocked));
            Assert.That(result.Warnings.Select(w => w.Code), Does.Contain(WarningCodes.TravelTimeBefore));
            Assert.That(result.Warnings.Single(w => w.Code == WarningCodes.TravelTimeBefore).Message, Does.Contain("after “Plant visit” that ends 9:30 AM"));
        });
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task PlacedAndPrivateAppointmentsStartingTogether_TheTripToThePlacedOneIsJudged(bool privateListedFirst)
    {
        BusyBlock[] items =
        [
            Item("2026-04-16T12:00", "2026-04-16T12:30", Pacific, SierraSteelText, "Dentist", isPrivate: true),
            Item("2026-04-16T12:00", "2026-04-16T13:00", Pacific, SierraSteelText, "Site walk"),
        ];
        var result = await CheckAsync("2026-04-16T10:00", SacramentoText, Crew.Dana(home: Sacramento), privateListedFirst ? items : [items[1], items[0]]);

        Assert.That(result.Warnings.Single(w => w.Code == WarningCodes.TravelTimeAfter).Message, Does.Contain("for “Site walk” that starts 12:00 PM"));
    }

    [Test]
    public async Task NextAppointmentOutOfReach_IsTravelTimeAfter()
    {
        var result = await CheckAsync("2026-04-16T10:00", SacramentoText, Crew.Dana(home: Sacramento),
            Item("2026-04-16T12:00", "2026-04-16T13:00", Pacific, SierraSteelText, "Site walk"));

        var warning = result.Warnings.Single();
        Assert.Multiple(() =>
        {
            Assert.That(warning.Code, Is.EqualTo(WarningCodes.TravelTimeAfter));
            Assert.That(warning.Severity, Is.EqualTo(Severity.Blocker));
            Assert.That(warning.Message, Is.EqualTo(
                "Dana Ruiz needs ~2 h 48 min (flying, with time at the airports) to get from Sacramento to Fresno for “Site walk” that starts 12:00 PM Pacific Time, but has 1 h after this meeting."));
        });
    }

    [Test]
    public async Task OnlineMeeting_SkipsTravel()
    {
        var result = await CheckAsync("2026-04-16T10:00", "Microsoft Teams Meeting", Crew.Dana(),
            Item("2026-04-16T07:30", "2026-04-16T09:30", Pacific, SierraSteelText, "Plant visit"));

        Assert.That(result.Warnings, Is.Empty);
    }

    [Test]
    public async Task UnplaceableMeetingLocation_IsLocationUnknown()
    {
        var result = await CheckAsync("2026-04-16T10:00", "Room 4B", Crew.Dana(),
            Item("2026-04-16T07:30", "2026-04-16T09:30", Pacific, SierraSteelText, "Plant visit"));

        Assert.That(result.Warnings, Is.EqualTo(new[]
        {
            new Warning(WarningCodes.LocationUnknown, Severity.Info, PartyRef.Organizer,
                "Handoff cannot place 'Room 4B' on the map, so travel to and from this meeting is not checked."),
        }));
    }

    [Test]
    public async Task IntermediateOnlineCall_DoesNotMoveTheRsm()
    {
        var result = await CheckAsync("2026-04-16T10:00", SacramentoText, Crew.Dana(),
            Item("2026-04-16T07:30", "2026-04-16T09:00", Pacific, SierraSteelText, "Plant visit"),
            Item("2026-04-16T09:00", "2026-04-16T09:30", Pacific, "Microsoft Teams Meeting", "Standup"));

        Assert.That(result.Warnings.Single().Message, Does.Contain("after “Plant visit” that ends 9:00 AM Pacific Time, but has 1 h."));
    }

    internal static async Task<CheckResult> CheckAsync(string localStart, string? location, RsmProfile rsm, params BusyBlock[] items) =>
        await CheckAsync(localStart, location, new OrgSnapshot([rsm], internalDomains: ["example.com"]), rsm, items);

    internal static async Task<CheckResult> CheckAsync(string localStart, string? location, OrgSnapshot org, RsmProfile rsm, params BusyBlock[] items)
    {
        var start = Local(localStart, Pacific);
        var service = new MeetingCheckService(new StubDirectory(org), new StubCalendars().With(rsm.Email, items), new FakeClock(Now),
            Crew.PlaceChecker(), new CheckOptions(), new PlaceBook());
        var request = new MeetingRequest(new Interval(start, start + Duration.FromHours(1)), Pacific, [rsm.Email, "cfo@acme.example"], "sdr@example.com", location);
        return await service.CheckAsync(request, CancellationToken.None);
    }
}
