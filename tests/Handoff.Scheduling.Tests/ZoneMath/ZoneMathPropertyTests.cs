using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Time;
using CsCheck;
using NodaTime;
using static Handoff.Scheduling.Tests.ZoneMath.SystemZones;

namespace Handoff.Scheduling.Tests.ZoneMath;

/// <summary>
/// A property test of the time math every check rests on: for random meetings 2025–2030 and random organizer,
/// prospect and RSM zones drawn from the whole tzdb list (with extra weight on the awkward ones: ±14 h apart,
/// 30/45-minute offsets, Lord Howe's 30-minute DST, Dublin's negative DST, Chatham), the check's local times and
/// offsets, its business/working-hours verdicts and its different-day warnings must equal what an independent
/// computation gives from the operating system's tz database (<see cref="TimeZoneInfo"/>).
/// Seeded (CsCheck's PCG with a fixed seed), so every run draws the same cases.
/// </summary>
public class ZoneMathPropertyTests
{
    private const int Cases = 3000;
    private static readonly Instant From = Instant.FromUtc(2025, 1, 1, 0, 0);
    private static readonly Instant To = Instant.FromUtc(2031, 1, 1, 0, 0);

    /// <summary>The awkward zones, each drawn often. Every one must be testable (its rules agree on both sides).</summary>
    private static readonly string[] Awkward =
    [
        "Pacific/Kiritimati", "Etc/GMT-14", "Etc/GMT+12", "Pacific/Pago_Pago", "Pacific/Tongatapu", "Pacific/Apia",
        "Asia/Kolkata", "Asia/Kathmandu", "Asia/Tehran", "Australia/Eucla", "Pacific/Chatham", "America/St_Johns",
        "Australia/Adelaide", "Australia/Lord_Howe", "Europe/Dublin", "Pacific/Auckland", "America/Los_Angeles",
        "America/New_York", "Europe/Amsterdam", "Atlantic/Reykjavik", "Asia/Jerusalem",
    ];

    private static readonly Lazy<Census> Zones = new(() =>
        Take(From - Duration.FromDays(2), To + Duration.FromDays(2)));

    private sealed record Case(Pair Organizer, Pair Prospect, Pair Rsm, Instant Start, int Minutes, int RsmDays, int RsmStartHalfHours, int RsmHalfHours)
    {
        public Interval Meeting => new(Start, Start + Duration.FromMinutes(Minutes));

        public WorkingHours RsmHours()
        {
            var start = LocalTime.Midnight.PlusMinutes(30 * RsmStartHalfHours);
            var end = RsmStartHalfHours + RsmHalfHours >= 48 ? LocalTime.Midnight : start.PlusMinutes(30 * RsmHalfHours);
            return WorkingHours.Uniform(Enumerable.Range(1, 7).Where(d => (RsmDays & (1 << (d - 1))) != 0).Select(d => (IsoDayOfWeek)d), start, end);
        }

        public override string ToString() =>
            $"{Start} +{Minutes} min; organizer {Organizer.Id}, prospect {Prospect.Id}, RSM {Rsm.Id} (days {RsmDays:b7}, from {RsmStartHalfHours / 2.0} h for {RsmHalfHours / 2.0} h)";
    }

    [Test]
    public void AllowsTheAwkwardZones()
    {
        var agreeing = Zones.Value.Agreeing.Select(p => p.Id).ToHashSet();
        Assert.That(Awkward.Where(id => !agreeing.Contains(id)), Is.Empty, "awkward zones the test cannot compare");
    }

    [Test]
    public void LocalTimesOffsetsHoursAndDays_MatchTheSystemTzDatabase()
    {
        var census = Zones.Value;
        TestContext.Out.WriteLine(
            $"{DateTimeZoneProviders.Tzdb.VersionId} (NodaTime) vs the system's tz database ({SystemVersion()}, via TimeZoneInfo): " +
            $"{DateTimeZoneProviders.Tzdb.Ids.Count} ids, {census.Agreeing.Count} compared, {census.RulesDiffer.Count} skipped because their 2025–2030 rules differ " +
            $"between the two releases ({string.Join(", ", census.RulesDiffer)}), {census.UnknownToSystem.Count} unknown to the system " +
            $"({string.Join(", ", census.UnknownToSystem)}), {census.RefusedByApp.Count} refused by the app ({string.Join(", ", census.RefusedByApp)})");
        Assert.That(census.Agreeing, Has.Count.GreaterThan(500), "most of the tz database is compared");
        Assert.That(census.RulesDiffer.Count + census.UnknownToSystem.Count, Is.LessThan(30), "only a few zones differ between releases");

        var failures = new List<string>();
        var (differentDays, inside, outside) = (0, 0, 0);
        var pcg = new PCG(1, 20261204);
        var gen = CaseGen(census);
        for (var i = 0; i < Cases; i++)
        {
            var c = gen.Generate(pcg, null!, out _);
            var problems = Compare(c, out var stats);
            differentDays += stats.DifferentDays;
            inside += stats.Inside;
            outside += stats.Outside;
            failures.AddRange(problems.Select(p => $"{c}: {p}"));
        }
        TestContext.Out.WriteLine($"{Cases} random meetings: {differentDays} different-day parties, {inside} party slots inside hours, {outside} outside");
        Assert.That(failures, Is.Empty, string.Join("\n", failures.Take(10)));
        Assert.That(new[] { differentDays, inside, outside }, Is.All.GreaterThan(Cases / 20), "the sample reaches every branch");
    }

    private static Gen<Case> CaseGen(Census census)
    {
        var all = census.Agreeing.ToArray();
        var awkward = all.Where(p => Awkward.Contains(p.Id)).ToArray();
        var zone = Gen.Int[0, 9].SelectMany(k => k < 4 ? Gen.OneOf(awkward) : Gen.OneOf(all));
        var quarterHours = (long)(To - From).TotalMinutes / 15;
        var start = Gen.Long[0, quarterHours - 1].Select(q => From + Duration.FromMinutes(15 * q));
        var where = Gen.Select(zone, zone, zone, start, (o, p, r, s) => (o, p, r, s));
        var how = Gen.Select(Gen.Int[1, 16], Gen.Int[1, 127], Gen.Int[0, 24], Gen.Int[8, 24], (m, d, h, l) => (m, d, h, l));
        return Gen.Select(where, how, (w, h) => new Case(w.o, w.p, w.r, w.s, 15 * h.m, h.d, h.h, h.l));
    }

    private readonly record struct Stats(int DifferentDays, int Inside, int Outside);

    private static List<string> Compare(Case c, out Stats stats)
    {
        var problems = new List<string>();
        var rsm = new RsmContext(Samples.Rsm(zone: c.Rsm.Noda), c.Rsm.Noda, c.RsmHours(), []);
        var draft = Samples.Draft(c.Meeting, c.Organizer.Noda, Samples.Prospect(c.Prospect.Noda), rsm);
        var result = new MeetingChecker().Evaluate(draft, c.Start - Duration.FromDays(1));

        foreach (var (kind, pair) in new[] { (PartyKind.Organizer, c.Organizer), (PartyKind.Prospect, c.Prospect), (PartyKind.Rsm, c.Rsm) })
        {
            var time = result.Times.Single(t => t.Party.Kind == kind);
            var (start, end) = (LocalAt(pair.System, c.Meeting.Start), LocalAt(pair.System, c.Meeting.End));
            // The id as given, or CLDR's current id for a legacy alias (Asia/Calcutta → Asia/Kolkata); the times
            // below are compared with the system's zone for the id as given, so a wrong alias shows there too.
            if (time.Zone.Id != pair.Id && time.Zone.Id != CldrZones.Find(pair.Id)?.Id) problems.Add($"{kind} zone {time.Zone.Id}, given {pair.Id}");
            if (time.LocalStart != LocalDateTime.FromDateTime(start)) problems.Add($"{kind} starts {time.LocalStart}, system says {start:s}");
            if (time.LocalEnd != LocalDateTime.FromDateTime(end)) problems.Add($"{kind} ends {time.LocalEnd}, system says {end:s}");
            if (time.UtcOffset.Seconds != OffsetSeconds(pair.System, c.Start)) problems.Add($"{kind} offset {time.UtcOffset}, system says {OffsetSeconds(pair.System, c.Start)} s");
        }

        var organizerDate = LocalAt(c.Organizer.System, c.Start).Date;
        var (differentDays, inside, outside) = (0, 0, 0);
        foreach (var (kind, pair, hours, code) in new[]
        {
            (PartyKind.Prospect, c.Prospect, WorkingHours.DefaultBusinessHours, WarningCodes.ProspectOutsideBusinessHours),
            (PartyKind.Rsm, c.Rsm, c.RsmHours(), WarningCodes.RsmOutsideWorkingHours),
        })
        {
            var warnings = result.Warnings.Where(w => w.Party.Kind == kind).ToList();
            var expectInside = Inside(pair.System, c.Meeting, hours);
            var outsideWarned = warnings.Any(w => w.Code == code);
            if (outsideWarned == expectInside) problems.Add($"{kind}: {code} {(outsideWarned ? "warned" : "missing")}, system says {(expectInside ? "inside" : "outside")} hours");
            _ = expectInside ? inside++ : outside++;

            var expectOtherDay = LocalAt(pair.System, c.Start).Date != organizerDate;
            var day = warnings.SingleOrDefault(w => w.Code == WarningCodes.DifferentDay);
            if ((day is not null) != expectOtherDay) problems.Add($"{kind}: DIFFERENT_DAY {(day is null ? "missing" : "given")}, system says {(expectOtherDay ? "another" : "the same")} date");
            if (day is not null && day.Severity != (expectInside ? Severity.Info : Severity.Warning)) problems.Add($"{kind}: DIFFERENT_DAY is a {day.Severity}, inside hours: {expectInside}");
            differentDays += expectOtherDay ? 1 : 0;
        }
        if (result.Warnings.Any(w => w.Code == WarningCodes.CheckIncomplete)) problems.Add("a rule could not be evaluated");
        stats = new Stats(differentDays, inside, outside);
        return problems;
    }

    /// <summary>
    /// Independently: the meeting lies inside the hours of the weekday it starts on, in the system's local time
    /// (an end of midnight is the next day's 00:00). Wall-clock comparisons, which equal instant comparisons here
    /// because no compared zone changes its clocks during daytime hours in these years.
    /// </summary>
    private static bool Inside(TimeZoneInfo zone, Interval meeting, WorkingHours hours)
    {
        var (start, end) = (LocalAt(zone, meeting.Start), LocalAt(zone, meeting.End));
        if (hours.On(IsoDayOfWeekOf(start.DayOfWeek)) is not { } day)
        {
            return false;
        }
        var opens = start.Date + day.Start.ToTimeSpanSinceMidnight();
        var closes = day.EndsAtMidnight ? start.Date.AddDays(1) : start.Date + day.End.ToTimeSpanSinceMidnight();
        return start >= opens && end <= closes;
    }

    private static string SystemVersion() =>
        File.Exists("/usr/share/zoneinfo/tzdata.zi") ? File.ReadLines("/usr/share/zoneinfo/tzdata.zi").First().TrimStart('#', ' ') : "version unknown";

    private static IsoDayOfWeek IsoDayOfWeekOf(DayOfWeek day) => day == DayOfWeek.Sunday ? IsoDayOfWeek.Sunday : (IsoDayOfWeek)(int)day;
}

file static class LocalTimeSpans
{
    public static TimeSpan ToTimeSpanSinceMidnight(this LocalTime time) => TimeSpan.FromTicks(time.TickOfDay);
}
