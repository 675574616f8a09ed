using Handoff.Scheduling.Suggestions;
using NodaTime;

namespace Handoff.Api.Outcomes.Reports;

public enum ReportGroupBy { Sdr, Rsm, Territory, Vertical, Week }

/// <summary>What to compute: the range [From, To] of local dates in Zone (both inclusive), grouping, and the settings.</summary>
public sealed record ReportSpec(LocalDate From, LocalDate To, DateTimeZone Zone, ReportGroupBy GroupBy, Instant Now, Duration Grace, int MinSample);

/// <summary>
/// Every figure of the handoff report from the rows of one range, in memory (no storage here), so each figure can be
/// checked against a hand-computed fixture. Definitions are on <see cref="Figures"/> and in docs/outcomes.md.
/// </summary>
public static class ReportCalculator
{
    public const string NoTerritory = "(none)";

    public static HandoffReport Compute(IReadOnlyList<ReportRow> rows, ReportSpec spec, IReadOnlyList<TargetProgress> targets)
    {
        var states = rows.Select(r => (Row: r, State: MeetingStates.Of(r, spec.Now, spec.Grace))).ToArray();
        var groups = GroupKeys(states, spec).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new GroupFigures(g.Key, FiguresOf(g.Value))).ToList();
        // Each row's week once (not once per week of the range): 26 weeks × 100,000 rows would be 2.6 million zone conversions.
        var byWeek = states.GroupBy(s => WeekOf(s.Row.Start, spec.Zone)).ToDictionary(g => g.Key, g => g.ToArray());
        var weeks = Weeks(spec).Select(w => new GroupFigures(w.ToString("yyyy-MM-dd", null), FiguresOf(byWeek.GetValueOrDefault(w) ?? []))).ToList();
        if (spec.GroupBy == ReportGroupBy.Week)
        {
            groups = weeks;
        }
        return new HandoffReport(
            spec.From.ToString("yyyy-MM-dd", null), spec.To.ToString("yyyy-MM-dd", null), spec.Zone.Id, spec.GroupBy.ToString().ToLowerInvariant(),
            Infrastructure.Instants.Format(spec.Now), FiguresOf(states), groups, weeks, Slips(rows), SentAnyway(states),
            WarningOutcomesOf(states), Distribution(states), targets, Grid(states, spec.MinSample));
    }

    public static Figures FiguresOf(IReadOnlyCollection<(ReportRow Row, MeetingState State)> set)
    {
        // One pass: the report calls this for every group, week and split, over up to every row of the range.
        Span<int> counts = stackalloc int[8];
        var amount = 0m;
        int slips = 0, warned = 0;
        var speeds = new List<double>();
        var leadDays = new List<double>();
        foreach (var (row, state) in set)
        {
            counts[(int)state]++;
            if (state == MeetingState.Opportunity) { amount += row.Amount ?? 0m; }
            if (row.LeadInAt is { } lead)
            {
                if (lead <= row.SentAt) { speeds.Add((row.SentAt - lead).TotalMinutes); }
                if (lead <= row.Start) { leadDays.Add((row.Start - lead).TotalDays); }
            }
            slips += row.Slips;
            if (row.SentAnyway.Length > 0) { warned++; }
        }
        speeds.Sort();
        leadDays.Sort();
        var opportunities = counts[(int)MeetingState.Opportunity];
        var held = counts[(int)MeetingState.Held] + opportunities;
        var noShows = counts[(int)MeetingState.NoShow];
        var canceled = counts[(int)MeetingState.Canceled];
        var disqualified = counts[(int)MeetingState.Disqualified];
        var awaiting = counts[(int)MeetingState.Awaiting];
        var noOutcome = counts[(int)MeetingState.NoOutcomeYet];
        var pastActive = awaiting + noOutcome;
        var speedArray = speeds.ToArray();
        var dayArray = leadDays.ToArray();
        return new Figures(
            set.Count, held, opportunities, noShows, canceled, disqualified, counts[(int)MeetingState.Upcoming], awaiting, noOutcome, pastActive,
            Rate(held, held + noShows + canceled + disqualified + pastActive), Rate(noShows, held + noShows + pastActive), Rate(opportunities, held),
            amount,
            new SpeedFigures(speedArray.Length, Round1(Median(speedArray)), Round1(NearestRank(speedArray, 0.9)),
                speedArray.Length == 0 ? null : Round4((double)speedArray.Count(m => m <= 60) / speedArray.Length)),
            Round1(Median(dayArray)), slips, warned);
    }

    /// <summary>Codes a check of the draft raised that were not on screen when it was sent.</summary>
    public static IEnumerable<string> SlipCodes(ReportRow r) => SlipCodes(r.SeenCodes, r.SentAnyway);

    public static IEnumerable<string> SlipCodes(string? seenCodes, string sentAnyway)
    {
        var sent = Codes.Split(sentAnyway);
        return Codes.Split(seenCodes).Where(c => !sent.Contains(c));
    }

    /// <summary>Monday of the week the instant falls in, in the org's zone.</summary>
    public static LocalDate WeekOf(Instant at, DateTimeZone zone) =>
        at.InZone(zone).Date.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));

    public static IEnumerable<LocalDate> Weeks(ReportSpec spec)
    {
        for (var w = spec.From.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday)); w <= spec.To; w = w.PlusWeeks(1))
        {
            yield return w;
        }
    }

    private static Dictionary<string, List<(ReportRow, MeetingState)>> GroupKeys((ReportRow Row, MeetingState State)[] states, ReportSpec spec)
    {
        var groups = new Dictionary<string, List<(ReportRow, MeetingState)>>(StringComparer.Ordinal);
        foreach (var s in states)
        {
            IEnumerable<string> keys = spec.GroupBy switch
            {
                ReportGroupBy.Sdr => [s.Row.SdrKey],
                ReportGroupBy.Rsm => Codes.Split(s.Row.RsmKeys) is { Length: > 0 } rsms ? rsms : [NoTerritory],
                ReportGroupBy.Territory => [s.Row.Territory ?? NoTerritory],
                ReportGroupBy.Vertical => [s.Row.Vertical ?? NoTerritory],
                _ => [],
            };
            foreach (var key in keys)
            {
                (groups.TryGetValue(key, out var list) ? list : groups[key] = []).Add(s);
            }
        }
        return groups;
    }

    private static List<CodeCount> Slips(IReadOnlyList<ReportRow> rows) =>
        rows.SelectMany(SlipCodes).GroupBy(c => c).Select(g => new CodeCount(g.Key, g.Count()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();

    private static List<SentAnywayFigures> SentAnyway((ReportRow Row, MeetingState State)[] states) =>
        states.SelectMany(s => Codes.Split(s.Row.SentAnyway).Select(c => (Code: c, s.State))).GroupBy(x => x.Code)
            .Select(g =>
            {
                var set = g.ToArray();
                int held = set.Count(x => x.State is MeetingState.Held or MeetingState.Opportunity), noShows = set.Count(x => x.State == MeetingState.NoShow);
                var pastActive = set.Count(x => x.State is MeetingState.Awaiting or MeetingState.NoOutcomeYet);
                return new SentAnywayFigures(g.Key, set.Length, noShows, Rate(noShows, held + noShows + pastActive));
            })
            .OrderByDescending(c => c.Count).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();

    private static WarningOutcomes WarningOutcomesOf((ReportRow Row, MeetingState State)[] states)
    {
        var warned = FiguresOf(states.Where(s => s.Row.SentAnyway.Length > 0).ToArray());
        var clean = FiguresOf(states.Where(s => s.Row.SentAnyway.Length == 0).ToArray());
        return new WarningOutcomes(warned.Booked, warned.NoShowRate, clean.Booked, clean.NoShowRate);
    }

    private static List<RsmShare> Distribution((ReportRow Row, MeetingState State)[] states)
    {
        var byRsm = states.SelectMany(s => Codes.Split(s.Row.RsmKeys).Select(r => (Rsm: r, s))).GroupBy(x => x.Rsm).ToArray();
        var total = byRsm.Sum(g => g.Count());
        return byRsm.Select(g =>
            {
                var f = FiguresOf(g.Select(x => x.s).ToArray());
                return new RsmShare(g.Key, f.Booked, Round4((double)f.Booked / total), f.HeldRate, f.NoShowRate);
            })
            .OrderByDescending(r => r.Handoffs).ThenBy(r => r.Rsm, StringComparer.Ordinal).ToList();
    }

    /// <summary>Held ÷ (held + no-shows) by the weekday and hour the meeting started for the prospect (zone known only), org-wide and per vertical and region.</summary>
    public static HeldGrid Grid((ReportRow Row, MeetingState State)[] states, int minSample)
    {
        var zones = new Dictionary<string, DateTimeZone?>(StringComparer.Ordinal);
        DateTimeZone? Zone(string id) => zones.TryGetValue(id, out var z) ? z
            : zones[id] = Scheduling.Time.TimeZoneIds.TryResolve(id, out var resolved) ? resolved : null;
        var meetings = states
            .Where(s => s.State is MeetingState.Held or MeetingState.Opportunity or MeetingState.NoShow && s.Row.ProspectZone is not null && Zone(s.Row.ProspectZone) is not null)
            .Select(s => (Start(s.Row).InZone(Zone(s.Row.ProspectZone!)!).LocalDateTime, s.State != MeetingState.NoShow, s.Row.Vertical, s.Row.Territory))
            .ToArray();
        return HeldGrid.From(HeldRateSlices.From(meetings, minSample));
    }

    private static Instant Start(ReportRow r) => r.NewStart ?? r.Start;

    public static double? Rate(int part, int whole) => whole == 0 ? null : Round4((double)part / whole);

    private static double? Median(double[] sorted) => sorted.Length == 0 ? null
        : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;

    /// <summary>The nearest-rank percentile: the smallest value with at least p of the values at or below it.</summary>
    private static double? NearestRank(double[] sorted, double p) => sorted.Length == 0 ? null : sorted[(int)Math.Ceiling(p * sorted.Length) - 1];

    private static double Round4(double v) => Math.Round(v, 4);

    private static double? Round1(double? v) => v is { } x ? Math.Round(x, 1) : null;
}
