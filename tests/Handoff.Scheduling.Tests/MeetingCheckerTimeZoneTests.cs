using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Time;
using static Handoff.Scheduling.Tests.Samples;

namespace Handoff.Scheduling.Tests;

/// <summary>Local times, business hours, other days and DST traps across zones.</summary>
public class MeetingCheckerTimeZoneTests
{
    [Test]
    public void NewYorkToFresno_TenAmEastern_IsSevenAmForTheProspect()
    {
        var result = Check(Draft(Meeting("2026-12-03T15:00:00Z"), NewYork, Prospect(LosAngeles)));

        var warning = result.Warnings.Single(w => w.Code == WarningCodes.ProspectOutsideBusinessHours);
        Assert.That(warning.Message, Is.EqualTo(
            "10:00 AM your time is 7:00 AM Thursday for the prospect (Pacific Time), before their business hours (8:00 AM–6:00 PM)."));
        Assert.That(warning.Severity, Is.EqualTo(Severity.Warning));
        Assert.That(warning.Party.Kind, Is.EqualTo(PartyKind.Prospect));
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Review));

        var prospect = result.Times.Single(t => t.Party.Kind == PartyKind.Prospect);
        Assert.That(Formats.LocalIso(prospect.LocalStart), Is.EqualTo("2026-12-03T07:00:00"));
        Assert.That(Formats.LocalIso(prospect.LocalEnd), Is.EqualTo("2026-12-03T08:00:00"));
        Assert.That(Formats.Offset(prospect.UtcOffset), Is.EqualTo("-08:00"));
        var organizer = result.Times.Single(t => t.Party.Kind == PartyKind.Organizer);
        Assert.That(Formats.LocalIso(organizer.LocalStart), Is.EqualTo("2026-12-03T10:00:00"));
        Assert.That(Formats.Offset(organizer.UtcOffset), Is.EqualTo("-05:00"));
    }

    [Test]
    public void ProspectPlace_NamesTheCityInTheMessage()
    {
        var result = Check(Draft(Meeting("2026-12-03T15:00:00Z"), NewYork, Prospect(LosAngeles, place: "Fresno")));

        Assert.That(result.Warnings.Single(w => w.Code == WarningCodes.ProspectOutsideBusinessHours).Message, Does.StartWith("10:00 AM your time is 7:00 AM Thursday for the prospect in Fresno (Pacific Time)"));
    }

    [Test]
    public void HalfHourZone_Kolkata_IsAfterBusinessHours()
    {
        var kolkata = TimeZoneIds.Resolve("Asia/Kolkata");
        var result = Check(Draft(Meeting("2026-12-03T14:00:00Z"), NewYork, Prospect(kolkata)));

        var prospect = result.Times.Single(t => t.Party.Kind == PartyKind.Prospect);
        Assert.That(Formats.LocalIso(prospect.LocalStart), Is.EqualTo("2026-12-03T19:30:00"));
        Assert.That(Formats.Offset(prospect.UtcOffset), Is.EqualTo("+05:30"));
        Assert.That(result.Warnings.Single(w => w.Code == WarningCodes.ProspectOutsideBusinessHours).Message, Is.EqualTo(
            "9:00 AM your time is 7:30 PM Thursday for the prospect (India Standard Time, Kolkata), after their business hours (8:00 AM–6:00 PM)."));
    }

    [Test]
    public void FortyFiveMinuteZone_Kathmandu_IsInHoursButAnotherDay()
    {
        var kathmandu = TimeZoneIds.Resolve("Asia/Kathmandu");
        var result = Check(Draft(Meeting("2026-12-03T04:00:00Z"), NewYork, Prospect(kathmandu)));

        var prospect = result.Times.Single(t => t.Party.Kind == PartyKind.Prospect);
        Assert.That(Formats.LocalIso(prospect.LocalStart), Is.EqualTo("2026-12-03T09:45:00"));
        Assert.That(Formats.Offset(prospect.UtcOffset), Is.EqualTo("+05:45"));
        Assert.That(result.Warnings.Select(w => w.Code), Has.No.Member(WarningCodes.ProspectOutsideBusinessHours));
        Assert.That(result.Warnings.Single(w => w.Code == WarningCodes.DifferentDay).Message, Is.EqualTo(
            "11:00 PM Wednesday your time is 9:45 AM Thursday for the prospect (Nepal Time, Kathmandu): a different day."));
        Assert.That(result.Warnings.Single(w => w.Code == WarningCodes.DifferentDay).Severity, Is.EqualTo(Severity.Info), "inside their hours: a fact, not a risk");
    }

    [TestCase("2026-07-15T15:00:00Z", "2026-07-15T09:00:00", "-06:00", "2026-07-15T08:00:00", "-07:00")]
    [TestCase("2026-12-15T15:00:00Z", "2026-12-15T08:00:00", "-07:00", "2026-12-15T08:00:00", "-07:00")]
    public void PhoenixBesideDenver_SummerAndWinter(string startUtc, string denverLocal, string denverOffset, string phoenixLocal, string phoenixOffset)
    {
        var denver = TimeZoneIds.Resolve("America/Denver");
        var phoenix = TimeZoneIds.Resolve("US Mountain Standard Time");
        var result = Check(Draft(Meeting(startUtc), denver, Prospect(phoenix)), now: Utc("2026-06-01T12:00:00Z"));

        var organizer = result.Times.Single(t => t.Party.Kind == PartyKind.Organizer);
        var prospect = result.Times.Single(t => t.Party.Kind == PartyKind.Prospect);
        Assert.That((Formats.LocalIso(organizer.LocalStart), Formats.Offset(organizer.UtcOffset)), Is.EqualTo((denverLocal, denverOffset)));
        Assert.That((Formats.LocalIso(prospect.LocalStart), Formats.Offset(prospect.UtcOffset)), Is.EqualTo((phoenixLocal, phoenixOffset)));
    }

    [Test]
    public void PhoenixBesideDenver_ChangeBeforeANearMeeting_WarnsOfDstShift()
    {
        var denver = TimeZoneIds.Resolve("America/Denver");
        var phoenix = TimeZoneIds.Resolve("America/Phoenix");
        var result = Check(Draft(Meeting("2026-11-05T15:00:00Z"), denver, Prospect(phoenix)), now: Utc("2026-10-20T12:00:00Z"));

        var shift = result.Warnings.Single(w => w.Code == WarningCodes.DstShift);
        Assert.That(shift.Severity, Is.EqualTo(Severity.Warning));
        Assert.That(shift.Message, Is.EqualTo(
            "Clocks change before the meeting: the prospect (Mountain Time, Phoenix) is 1 hour behind you today but on your clock on Nov 5, so 8:00 AM your time is 8:00 AM for them."));
    }

    [Test]
    public void PhoenixBesideDenver_MonthsAhead_TheSeasonsGapIsShownNotWarned()
    {
        var denver = TimeZoneIds.Resolve("America/Denver");
        var phoenix = TimeZoneIds.Resolve("America/Phoenix");
        var result = Check(Draft(Meeting("2026-12-15T15:00:00Z"), denver, Prospect(phoenix)), now: Utc("2026-06-01T12:00:00Z"));

        Assert.That(result.Warnings.Select(w => w.Code), Has.No.Member(WarningCodes.DstShift));
    }

    [Test]
    public void UsAndEuropeDisagree_InMarch_WarnsThatTheGapShrinks()
    {
        var berlin = TimeZoneIds.Resolve("W. Europe Standard Time");
        var result = Check(Draft(Meeting("2027-03-18T14:00:00Z"), NewYork, Prospect(berlin)), now: Utc("2027-03-01T12:00:00Z"));

        var shifts = result.Warnings.Where(w => w.Code == WarningCodes.DstShift).ToArray();
        Assert.That(shifts.Select(w => w.Message), Is.EqualTo(new[]
        {
            "Clocks change on different dates: on Mar 18 the prospect (Central European Time, Berlin) is 5 hours ahead of you, not the usual 6 hours ahead of you, so 10:00 AM your time is 3:00 PM for them.",
        }));
        Assert.That(shifts.Select(w => w.Severity), Is.EqualTo(new[] { Severity.Warning }));
    }

    [Test]
    public void NoClockChangeNearby_NoDstWarning()
    {
        var berlin = TimeZoneIds.Resolve("Europe/Berlin");
        var result = Check(Draft(Meeting("2026-12-03T14:00:00Z"), NewYork, Prospect(berlin)));

        Assert.That(result.Warnings.Select(w => w.Code), Has.No.Member(WarningCodes.DstShift));
    }

    [Test]
    public void SaturdayForTheProspect_IsNotABusinessDayAndAnotherDay()
    {
        var tokyo = TimeZoneIds.Resolve("Tokyo Standard Time");
        var result = Check(Draft(Meeting("2026-12-05T01:00:00Z"), LosAngeles, Prospect(tokyo)));

        Assert.That(result.Warnings.Single(w => w.Code == WarningCodes.ProspectOutsideBusinessHours).Message, Is.EqualTo(
            "5:00 PM your time is 10:00 AM Saturday for the prospect (Japan Time, Tokyo), not a business day for them."));
        Assert.That(result.Warnings.Single(w => w.Code == WarningCodes.DifferentDay).Message, Is.EqualTo(
            "5:00 PM Friday your time is 10:00 AM Saturday for the prospect (Japan Time, Tokyo): a different day."));
        Assert.That(result.Warnings.Single(w => w.Code == WarningCodes.DifferentDay).Severity, Is.EqualTo(Severity.Warning), "outside their hours");
    }

    [Test]
    public void UnknownProspectZone_IsAWarning_SoNeverOk()
    {
        var result = Check(Draft(Meeting("2026-12-03T15:00:00Z"), NewYork, Prospect(null)));

        var unknown = result.Warnings.Single(w => w.Party.Kind == PartyKind.Prospect);
        Assert.That(unknown.Code, Is.EqualTo(WarningCodes.ProspectTimeZoneUnknown));
        Assert.That(unknown.Severity, Is.EqualTo(Severity.Warning));
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Review));
        Assert.That(result.Times.Select(t => t.Party.Kind), Has.No.Member(PartyKind.Prospect));
    }
}
