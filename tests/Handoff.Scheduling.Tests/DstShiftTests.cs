using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Time;
using NodaTime;
using static Handoff.Scheduling.Tests.Samples;

namespace Handoff.Scheduling.Tests;

/// <summary>
/// DST_SHIFT warns only when a clock change can mislead the SDR about this meeting. The mismatch weeks are
/// computed here from the laws (US: second Sunday of March to first Sunday of November; EU: last Sunday of March
/// to last Sunday of October), not from NodaTime.
/// </summary>
public class DstShiftTests
{
    private static readonly DateTimeZone Berlin = TimeZoneIds.Resolve("Europe/Berlin");
    private static readonly DateTimeZone London = TimeZoneIds.Resolve("Europe/London");

    private static IEnumerable<LocalDate> MismatchDays(int year)
    {
        var usStart = NthSunday(year, 3, 2);
        var euStart = LastSunday(year, 3);
        var euEnd = LastSunday(year, 10);
        var usEnd = NthSunday(year, 11, 1);
        for (var d = usStart; d < euStart; d = d.PlusDays(1))
        {
            yield return d;
        }
        for (var d = euEnd; d < usEnd; d = d.PlusDays(1))
        {
            yield return d;
        }
    }

    private static LocalDate NthSunday(int year, int month, int n)
    {
        var first = new LocalDate(year, month, 1);
        return first.PlusDays(((7 - (int)first.DayOfWeek) % 7) + (7 * (n - 1)));
    }

    private static LocalDate LastSunday(int year, int month)
    {
        var last = new LocalDate(year, month, 1).PlusMonths(1).PlusDays(-1);
        return last.PlusDays(-((int)last.DayOfWeek % 7));
    }

    [Test]
    public void EveryUsEuMismatchDay_2025To2030_IsWarned_EvenMonthsAhead()
    {
        var checkedDays = 0;
        foreach (var year in Enumerable.Range(2025, 6))
        {
            foreach (var day in MismatchDays(year))
            {
                // 3:00 PM UTC: inside the US morning and the European afternoon, whichever clocks apply.
                var start = day.At(new LocalTime(15, 0)).InUtc().ToInstant();
                foreach (var (organizer, party) in new[] { (NewYork, Berlin), (LosAngeles, London), (NewYork, London) })
                {
                    var draft = Draft(new Interval(start, start + Duration.FromHours(1)), organizer, Prospect(party));
                    var result = Check(draft, now: start - Duration.FromDays(150));
                    Assert.That(result.Warnings.Count(w => w.Code == WarningCodes.DstShift), Is.EqualTo(1), $"{day} {organizer.Id}/{party.Id}");
                    checkedDays++;
                }
            }
        }
        Assert.That(checkedDays, Is.GreaterThanOrEqualTo(6 * 3 * (14 + 7)), "two or three weeks in March and one in autumn, every year");
    }

    [TestCase("2026-04-15T15:00:00Z", "2026-01-10T12:00:00Z", Description = "both on summer time: the season's gap")]
    [TestCase("2026-12-01T15:00:00Z", "2026-06-10T12:00:00Z", Description = "both on winter time, booked in summer")]
    [TestCase("2026-11-02T15:00:00Z", "2026-11-05T12:00:00Z", Description = "a past meeting")]
    public void OutsideTheMismatchWeeks_NoWarning(string startUtc, string nowUtc)
    {
        var result = Check(Draft(Meeting(startUtc), NewYork, Prospect(Berlin)), now: Utc(nowUtc));
        Assert.That(result.Warnings.Select(w => w.Code), Has.No.Member(WarningCodes.DstShift));
    }

    [Test]
    public void AChangeAfterTheMeeting_SaysNothing()
    {
        // New York changes on Nov 1 2026; Phoenix never: a meeting on Oct 29, booked on Oct 20, is before both.
        var phoenix = TimeZoneIds.Resolve("America/Phoenix");
        var result = Check(Draft(Meeting("2026-10-29T16:00:00Z"), NewYork, Prospect(phoenix)), now: Utc("2026-10-20T12:00:00Z"));
        Assert.That(result.Warnings.Select(w => w.Code), Has.No.Member(WarningCodes.DstShift));
    }

    [Test]
    public void EveryChangeBeforeANearMeeting_IsWarned_AndNothingElseIs()
    {
        var zones = DstSample.Zones;
        var random = new Random(20261204);
        var (nearChanges, warned) = (0, 0);
        for (var i = 0; i < 3000; i++)
        {
            var draft = DstSample.Draft(random, out var now);
            var result = Check(draft, now);
            var party = draft.Prospect.Zone!;
            var at = draft.Meeting.Start;
            var gapNow = party.GetUtcOffset(now).Seconds - draft.OrganizerZone.GetUtcOffset(now).Seconds;
            var gapThen = party.GetUtcOffset(at).Seconds - draft.OrganizerZone.GetUtcOffset(at).Seconds;
            var dst = result.Warnings.Where(w => w.Code == WarningCodes.DstShift).ToArray();
            if (at >= now && at - now <= Duration.FromDays(28) && gapNow != gapThen)
            {
                nearChanges++;
                Assert.That(dst, Has.Length.EqualTo(1), $"{draft.OrganizerZone.Id} → {party.Id}, now {now}, meeting {at}");
                warned++;
            }
            else if (at < now || gapNow == gapThen && !DstSample.OddGap(party, draft.OrganizerZone, at))
            {
                Assert.That(dst, Is.Empty, $"{draft.OrganizerZone.Id} → {party.Id}, now {now}, meeting {at}");
            }
        }
        Assert.That(nearChanges, Is.GreaterThan(20), "the sample holds near changes to catch");
        Assert.That(warned, Is.EqualTo(nearChanges));
    }

    /// <summary>The figure the issue asks for: DST warnings on well under 10% of answers over random drafts.</summary>
    [Test]
    public void OverRandomDrafts_DstWarnsOnWellUnderOneAnswerInTen()
    {
        var random = new Random(42);
        const int drafts = 4000;
        var withDst = 0;
        for (var i = 0; i < drafts; i++)
        {
            var draft = DstSample.Draft(random, out var now);
            if (Check(draft, now).Warnings.Any(w => w.Code == WarningCodes.DstShift))
            {
                withDst++;
            }
        }
        var rate = (double)withDst / drafts;
        TestContext.Out.WriteLine($"DST_SHIFT on {withDst} of {drafts} random drafts ({rate:P1})");
        Assert.That(rate, Is.LessThan(0.05).And.GreaterThan(0.0));
    }
}

/// <summary>
/// Random drafts as SDRs make them: an SDR in a US zone, a prospect in a US zone (70%) or abroad, "now" anywhere in
/// 2025–2030, the meeting 1 hour to 6 weeks ahead at a whole or half hour.
/// </summary>
internal static class DstSample
{
    public static readonly DateTimeZone[] Us = new[] { "America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu" }
        .Select(TimeZoneIds.Resolve).ToArray();

    public static readonly DateTimeZone[] Abroad = new[] { "Europe/London", "Europe/Berlin", "Europe/Amsterdam", "Asia/Kolkata", "Asia/Tokyo", "Australia/Sydney", "Pacific/Auckland",
        "America/Sao_Paulo", "America/Mexico_City", "America/Toronto", "Africa/Johannesburg", "Asia/Jerusalem", "Europe/Dublin", "Australia/Lord_Howe" }
        .Select(TimeZoneIds.Resolve).ToArray();

    public static DateTimeZone[] Zones => [.. Us, .. Abroad];

    private static readonly Instant From = Instant.FromUtc(2025, 1, 1, 0, 0);
    private static readonly Instant To = Instant.FromUtc(2030, 12, 31, 0, 0);

    public static MeetingDraft Draft(Random random, out Instant now)
    {
        now = From + Duration.FromMinutes(random.NextInt64((long)(To - From).TotalMinutes));
        var organizer = Us[random.Next(Us.Length)];
        var prospect = random.NextDouble() < 0.7 ? Us[random.Next(Us.Length)] : Abroad[random.Next(Abroad.Length)];
        var lead = Duration.FromMinutes(60 + (30 * random.Next(6 * 7 * 48)));
        var start = Instant.FromUnixTimeSeconds((now + lead).ToUnixTimeSeconds() / 1800 * 1800);
        return Samples.Draft(new Interval(start, start + Duration.FromMinutes(30 * (1 + random.Next(4)))), organizer, Samples.Prospect(prospect));
    }

    /// <summary>The gap on the day differs from six weeks before and after (computed here, not by the rule).</summary>
    public static bool OddGap(DateTimeZone party, DateTimeZone organizer, Instant at)
    {
        int Gap(Instant i) => party.GetUtcOffset(i).Seconds - organizer.GetUtcOffset(i).Seconds;
        return Gap(at) != Gap(at - Duration.FromDays(42)) && Gap(at) != Gap(at + Duration.FromDays(42));
    }
}
