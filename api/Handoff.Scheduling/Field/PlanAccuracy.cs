using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using NodaTime;

namespace Handoff.Scheduling.Field;

public enum PlanVerdict
{
    /// <summary>On most days with evidence the calendar put the RSM within the radius of the plan.</summary>
    CameTrue,
    /// <summary>The calendar put the RSM elsewhere on most days with evidence.</summary>
    DidNotHappen,
    /// <summary>No located in-person item on any day of the plan: nothing to judge by (left out of the rates).</summary>
    NoEvidence,
}

/// <summary>One plan judged against the calendar: days near the planned place, days elsewhere, days without evidence.</summary>
public sealed record PlanOutcome(FieldPlan Plan, int DaysThere, int DaysElsewhere, int DaysWithoutEvidence, PlanVerdict Verdict);

/// <summary>A day the calendar took the RSM far from home (beyond the plan radius) with no plan covering it.</summary>
public sealed record UnplannedTrip(string RsmEmail, LocalDate Date, Place Place);

/// <summary>Plans judged and how many came true; <see cref="Rate"/> is null with nothing judged.</summary>
public sealed record AccuracyTally(int Judged, int CameTrue, int NoEvidence, double MeanStatedConfidence)
{
    public double? Rate => Judged == 0 ? null : (double)CameTrue / Judged;
}

/// <summary>Plans stated at confidences in [<see cref="From"/>, <see cref="To"/>] %: how often they came true.</summary>
public sealed record CalibrationBucket(int From, int To, AccuracyTally Tally);

public sealed record RsmAccuracy(string RsmEmail, string Name, AccuracyTally Tally, int UnplannedTrips);

/// <summary>A period (month) of plans, by the plan's first day.</summary>
public sealed record AccuracyPeriod(LocalDate Start, LocalDate End, AccuracyTally Tally);

public sealed record AccuracyReport(
    DateInterval Dates,
    AccuracyTally Org,
    IReadOnlyList<RsmAccuracy> Rsms,
    IReadOnlyList<AccuracyPeriod> OverTime,
    IReadOnlyList<CalibrationBucket> Calibration,
    double? BrierScore,
    IReadOnlyList<PlanOutcome> Plans,
    IReadOnlyList<UnplannedTrip> Unplanned);

/// <summary>
/// How accurate field plans turned out: each past plan day is compared with where the calendar put the RSM
/// that day (located in-person items, in the RSM's zone). A day is "there" when any such item lies within
/// <paramref name="radiusKm"/> of the plan's place, "elsewhere" when all of them are farther, and without evidence
/// when there are none. A plan came true when it was there on at least as many days as elsewhere. Calibration
/// buckets plans by stated confidence; the Brier score (mean of (confidence − outcome)²) is 0 for perfect foresight.
/// </summary>
public static class PlanAccuracy
{
    private static readonly (int From, int To)[] Buckets = [(0, 20), (21, 40), (41, 60), (61, 80), (81, 100)];

    public static AccuracyReport Evaluate(IReadOnlyList<FieldPlan> plans, IReadOnlyList<RsmCalendarView> calendars, DateInterval dates, double radiusKm)
    {
        var byEmail = calendars.ToDictionary(c => c.Rsm.Email, EmailAddress.Comparer);
        var outcomes = new List<PlanOutcome>();
        foreach (var plan in plans.Where(p => p.Dates.Start >= dates.Start && p.Dates.End <= dates.End).OrderBy(p => p.Dates.Start).ThenBy(p => p.RsmEmail))
        {
            if (byEmail.TryGetValue(plan.RsmEmail, out var calendar))
            {
                outcomes.Add(Judge(plan, calendar, radiusKm));
            }
        }
        var unplanned = calendars.SelectMany(c => Unplanned(c, plans, dates, radiusKm)).ToArray();
        var rsms = calendars.Select(c => new RsmAccuracy(c.Rsm.Email, c.Rsm.DisplayName,
                Tally(outcomes.Where(o => EmailAddress.Same(o.Plan.RsmEmail, c.Rsm.Email))),
                unplanned.Count(u => EmailAddress.Same(u.RsmEmail, c.Rsm.Email))))
            .OrderBy(r => r.Name, StringComparer.Ordinal).ToArray();
        var months = outcomes.GroupBy(o => new LocalDate(o.Plan.Dates.Start.Year, o.Plan.Dates.Start.Month, 1)).OrderBy(g => g.Key)
            .Select(g => new AccuracyPeriod(g.Key, g.Key.PlusMonths(1).PlusDays(-1), Tally(g))).ToArray();
        var calibration = Buckets.Select(b => new CalibrationBucket(b.From, b.To,
            Tally(outcomes.Where(o => o.Plan.ConfidencePercent >= b.From && o.Plan.ConfidencePercent <= b.To)))).ToArray();
        var judged = outcomes.Where(o => o.Verdict != PlanVerdict.NoEvidence).ToArray();
        double? brier = judged.Length == 0 ? null
            : judged.Average(o => Math.Pow(o.Plan.ConfidencePercent / 100.0 - (o.Verdict == PlanVerdict.CameTrue ? 1 : 0), 2));
        return new AccuracyReport(dates, Tally(outcomes), rsms, months, calibration, brier, outcomes, unplanned);
    }

    public static PlanOutcome Judge(FieldPlan plan, RsmCalendarView calendar, double radiusKm)
    {
        int there = 0, elsewhere = 0, none = 0;
        foreach (var date in plan.Dates)
        {
            var stops = calendar.LocatedStopsOn(date).ToArray();
            if (stops.Length == 0)
            {
                none++;
            }
            else if (stops.Any(s => s.Place!.Point.DistanceKm(plan.Place.Point) <= radiusKm))
            {
                there++;
            }
            else
            {
                elsewhere++;
            }
        }
        var verdict = there + elsewhere == 0 ? PlanVerdict.NoEvidence : there >= elsewhere ? PlanVerdict.CameTrue : PlanVerdict.DidNotHappen;
        return new PlanOutcome(plan, there, elsewhere, none, verdict);
    }

    private static IEnumerable<UnplannedTrip> Unplanned(RsmCalendarView calendar, IReadOnlyList<FieldPlan> plans, DateInterval dates, double radiusKm)
    {
        if (calendar.Rsm.HomeBase is not { } home)
        {
            yield break;
        }
        foreach (var date in dates)
        {
            var away = calendar.LocatedStopsOn(date).Where(s => s.Place!.Point.DistanceKm(home.Point) > radiusKm).ToArray();
            if (away.Length == 0)
            {
                continue;
            }
            var planned = plans.Any(p => EmailAddress.Same(p.RsmEmail, calendar.Rsm.Email) && p.Dates.Contains(date) &&
                                         away.Any(s => s.Place!.Point.DistanceKm(p.Place.Point) <= radiusKm));
            if (!planned)
            {
                yield return new UnplannedTrip(calendar.Rsm.Email, date, away[0].Place!);
            }
        }
    }

    private static AccuracyTally Tally(IEnumerable<PlanOutcome> outcomes)
    {
        var all = outcomes.ToArray();
        var judged = all.Where(o => o.Verdict != PlanVerdict.NoEvidence).ToArray();
        return new AccuracyTally(judged.Length, judged.Count(o => o.Verdict == PlanVerdict.CameTrue), all.Length - judged.Length,
            judged.Length == 0 ? 0 : judged.Average(o => o.Plan.ConfidencePercent));
    }
}
