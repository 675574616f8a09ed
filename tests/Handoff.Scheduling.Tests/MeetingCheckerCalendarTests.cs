using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Checks;
using static Handoff.Scheduling.Tests.Samples;

namespace Handoff.Scheduling.Tests;

/// <summary>RSM calendars: conflicts by status, privacy, working hours and exact boundaries.</summary>
public class MeetingCheckerCalendarTests
{
    // Thursday 10:00–11:00 AM Pacific, 1:00–2:00 PM Eastern.
    private const string TenPacific = "2026-12-03T18:00:00Z";

    private static CheckResult CheckWith(params BusyBlock[] items) =>
        Check(Draft(Meeting(TenPacific), NewYork, Prospect(LosAngeles), RsmWith(items)));

    [TestCase(BusyStatus.Busy, WarningCodes.RsmBusy, Severity.Blocker, Verdict.Blocked, "busy")]
    [TestCase(BusyStatus.OutOfOffice, WarningCodes.RsmOutOfOffice, Severity.Blocker, Verdict.Blocked, "out of office")]
    [TestCase(BusyStatus.Tentative, WarningCodes.RsmTentative, Severity.Warning, Verdict.Review, "tentatively booked")]
    [TestCase(BusyStatus.WorkingElsewhere, WarningCodes.RsmWorkingElsewhere, Severity.Warning, Verdict.Review, "working elsewhere")]
    public void OverlappingItem_WarnsByStatus(BusyStatus status, string code, Severity severity, Verdict verdict, string verb)
    {
        var result = CheckWith(Block("2026-12-03T17:30:00Z", "2026-12-03T18:30:00Z", status, "Plant visit", "Sierra Steel"));

        var warning = result.Warnings.Single();
        Assert.That(warning.Code, Is.EqualTo(code));
        Assert.That(warning.Severity, Is.EqualTo(severity));
        Assert.That(warning.Party.Email, Is.EqualTo("rsm.west@example.com"));
        Assert.That(warning.Message, Is.EqualTo($"Dana Ruiz is {verb} 12:30–1:30 PM your time (9:30–10:30 AM Pacific Time): Plant visit at Sierra Steel."));
        Assert.That(result.Verdict, Is.EqualTo(verdict));
    }

    [Test]
    public void FreeItem_IsNoConflict()
    {
        var result = CheckWith(Block("2026-12-03T17:30:00Z", "2026-12-03T18:30:00Z", BusyStatus.Free, "Lunch"));

        Assert.That(result.Warnings, Is.Empty);
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Ok));
    }

    [Test]
    public void PrivateItem_KeepsTheBlockButNeverTheSubjectOrLocation()
    {
        var result = CheckWith(Block("2026-12-03T17:30:00Z", "2026-12-03T18:30:00Z", BusyStatus.Busy, "Oncology follow-up", "St. Agnes clinic", isPrivate: true));

        var warning = result.Warnings.Single();
        Assert.That(warning.Code, Is.EqualTo(WarningCodes.RsmBusy));
        Assert.That(warning.Message, Is.EqualTo("Dana Ruiz is busy 12:30–1:30 PM your time (9:30–10:30 AM Pacific Time)."));
        Assert.That(warning.Message, Does.Not.Contain("Oncology").And.Not.Contain("Agnes"));
    }

    [Test]
    public void SeveralItemsOfOneStatus_AreOneWarningCountingTheRest()
    {
        var result = CheckWith(
            Block("2026-12-03T17:30:00Z", "2026-12-03T18:15:00Z", BusyStatus.Busy),
            Block("2026-12-03T18:15:00Z", "2026-12-03T18:45:00Z", BusyStatus.Busy),
            Block("2026-12-03T18:45:00Z", "2026-12-03T19:30:00Z", BusyStatus.Busy));

        Assert.That(result.Warnings.Single().Message, Does.EndWith("and 2 more items."));
    }

    [Test]
    public void ItemEndingWhenTheMeetingStarts_IsNoConflict() =>
        Assert.That(CheckWith(Block("2026-12-03T17:00:00Z", TenPacific, BusyStatus.Busy)).Warnings, Is.Empty);

    [Test]
    public void ItemStartingWhenTheMeetingEnds_IsNoConflict() =>
        Assert.That(CheckWith(Block("2026-12-03T19:00:00Z", "2026-12-03T20:00:00Z", BusyStatus.Busy)).Warnings, Is.Empty);

    [Test]
    public void ItemOverlappingByOneMinute_IsAConflict() =>
        Assert.That(CheckWith(Block("2026-12-03T18:59:00Z", "2026-12-03T20:00:00Z", BusyStatus.Busy)).Verdict, Is.EqualTo(Verdict.Blocked));

    [TestCase("2026-12-03T16:00:00Z", 60)] // 8:00–9:00 AM Pacific: starts exactly when the day does
    [TestCase("2026-12-04T00:00:00Z", 60)] // 4:00–5:00 PM Pacific: ends exactly when the day does
    public void MeetingOnTheEdgeOfWorkingHours_IsInside(string start, int minutes)
    {
        var result = Check(Draft(Meeting(start, minutes), LosAngeles, Prospect(LosAngeles), RsmWith()));

        Assert.That(result.Warnings, Is.Empty);
    }

    [Test]
    public void MeetingRunningPastTheEndOfWorkingHours_Warns()
    {
        var result = Check(Draft(Meeting("2026-12-04T00:30:00Z"), LosAngeles, Prospect(LosAngeles), RsmWith()));

        Assert.That(result.Warnings.Single(w => w.Code == WarningCodes.RsmOutsideWorkingHours).Message, Is.EqualTo(
            "4:30 PM your time is 4:30 PM Thursday for Dana Ruiz (Pacific Time), running past the end of Dana Ruiz's working hours (8:00 AM–5:00 PM)."));
    }

    [Test]
    public void MeetingOnTheRsmsWeekend_IsNotAWorkingDay()
    {
        var result = Check(Draft(Meeting("2026-12-05T18:00:00Z"), NewYork, Prospect(null), RsmWith()));

        Assert.That(result.Warnings.Single(w => w.Code == WarningCodes.RsmOutsideWorkingHours).Message, Does.EndWith("not a working day for Dana Ruiz."));
    }

    [Test]
    public void CalendarOutage_IsAWarningNotAFailure()
    {
        var rsm = RsmWith() with { CalendarProblem = new CalendarProblem("Microsoft Graph did not answer in time", Outage: true) };
        var result = Check(Draft(Meeting(TenPacific), NewYork, Prospect(LosAngeles), rsm));

        var warning = result.Warnings.Single();
        Assert.That(warning.Code, Is.EqualTo(WarningCodes.CalendarUnavailable));
        Assert.That(warning.Message, Is.EqualTo("Could not verify the RSM's calendar: Microsoft Graph did not answer in time. Check Dana Ruiz's availability before sending."));
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Review));
    }

    [Test]
    public void OneMailboxFailing_IsRsmCalendarUnavailable()
    {
        var rsm = RsmWith() with { CalendarProblem = new CalendarProblem("unknown mailbox", Outage: false) };
        var result = Check(Draft(Meeting(TenPacific), NewYork, Prospect(LosAngeles), rsm));

        Assert.That(result.Warnings.Single().Code, Is.EqualTo(WarningCodes.RsmCalendarUnavailable));
        Assert.That(result.Warnings.Single().Message, Is.EqualTo("Could not read Dana Ruiz's calendar (unknown mailbox); their availability is not verified."));
    }

    [Test]
    public void MeetingInThePast_IsBlocked()
    {
        var result = Check(Draft(Meeting("2026-11-20T15:00:00Z"), NewYork, Prospect(LosAngeles), RsmWith()));

        var past = result.Warnings.First();
        Assert.That(past.Code, Is.EqualTo(WarningCodes.InThePast));
        Assert.That(past.Message, Is.EqualTo("This meeting starts in the past (Friday Nov 20 at 10:00 AM your time); pick a future time."));
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Blocked));
    }

    [Test]
    public void NoRsmOnTheInvite_IsAWarning_SoNeverOk()
    {
        var result = Check(Draft(Meeting(TenPacific), NewYork, Prospect(LosAngeles)));

        // No RSM means no calendar was read: the time is not verified.
        Assert.That(result.Warnings.Single().Code, Is.EqualTo(WarningCodes.NoRsmAttendee));
        Assert.That(result.Warnings.Single().Severity, Is.EqualTo(Severity.Warning));
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Review));
    }

    [Test]
    public void Warnings_AreOrderedMostSeriousFirst()
    {
        var result = Check(Draft(Meeting("2026-12-03T15:00:00Z"), NewYork, Prospect(LosAngeles),
            RsmWith(Block("2026-12-03T15:30:00Z", "2026-12-03T17:30:00Z", BusyStatus.Busy))));

        Assert.That(result.Warnings.Select(w => w.Severity), Is.Ordered.Descending);
        Assert.That(result.Warnings[0].Code, Is.EqualTo(WarningCodes.RsmBusy));
    }
}
