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
        var pass = new ReportPass(spec, rows.Count);
        foreach (var row in rows)
        {
            pass.Add(in row);
        }
        return pass.Finish(targets);
    }

    /// <summary>
    /// The report's one pass: each row is added to the accumulators of every table it counts in (totals, its group,
    /// its week, its codes' tallies, its RSMs' shares, the grid's meetings) as it is read, so no table re-reads the
    /// rows and the rows need not be kept (the service streams them from the store).
    /// </summary>
    internal sealed class ReportPass
    {
        private readonly ReportSpec _spec;
        private readonly LocalDate _firstWeek;
        private readonly LocalDate[] _weekList;
        private readonly FigureAccumulator[] _weeks;
        private readonly FigureAccumulator _totals;
        private readonly FigureAccumulator _warned = new(false);
        private readonly FigureAccumulator _clean = new(false);
        private readonly Dictionary<string, FigureAccumulator> _groups = new(StringComparer.Ordinal);
        private readonly Dictionary<string, FigureAccumulator>.AlternateLookup<ReadOnlySpan<char>> _groupLookup;
        private readonly Dictionary<string, FigureAccumulator> _shares = new(StringComparer.Ordinal);
        private readonly Dictionary<string, FigureAccumulator>.AlternateLookup<ReadOnlySpan<char>> _shareLookup;
        private readonly CodeTable _codes = new();
        private readonly List<SentAnywayTally> _sent = [];
        private readonly List<int> _slips = [];
        private readonly HeldGridInput _grid = new();

        /// <param name="expectedRows">Rows expected (0 when unknown): sizes the totals' time lists once.</param>
        public ReportPass(ReportSpec spec, int expectedRows)
        {
            _spec = spec;
            _firstWeek = spec.From.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));
            _weekList = Weeks(spec).ToArray();
            _weeks = _weekList.Select(_ => new FigureAccumulator(true)).ToArray();
            _totals = new FigureAccumulator(true, expectedRows);
            _groupLookup = _groups.GetAlternateLookup<ReadOnlySpan<char>>();
            _shareLookup = _shares.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public void Add(in ReportRow row)
        {
            var spec = _spec;
            var state = MeetingStates.Of(in row, spec.Now, spec.Grace);
            double? speed = null, leadDays = null;
            if (row.LeadInAt is { } lead)
            {
                if (lead <= row.SentAt) { speed = (row.SentAt - lead).TotalMinutes; }
                if (lead <= row.Start) { leadDays = (row.Start - lead).TotalDays; }
            }
            _totals.Add(in row, state, speed, leadDays);
            (row.SentAnyway.Length > 0 ? _warned : _clean).Add(in row, state, null, null);
            var week = Period.DaysBetween(_firstWeek, WeekOf(row.Start, spec.Zone));
            if (week >= 0 && week / 7 < _weeks.Length) { _weeks[week / 7].Add(in row, state, speed, leadDays); }
            var rsms = row.RsmKeys.AsSpan();
            var anyRsm = false;
            foreach (var range in rsms.Split('|'))
            {
                if (range.Start.Value == range.End.Value) { continue; }
                anyRsm = true;
                For(_shares, _shareLookup, rsms[range], false).Add(in row, state, null, null);
                if (spec.GroupBy == ReportGroupBy.Rsm) { For(_groups, _groupLookup, rsms[range], true).Add(in row, state, speed, leadDays); }
            }
            var key = spec.GroupBy switch
            {
                ReportGroupBy.Sdr => row.SdrKey,
                ReportGroupBy.Rsm => anyRsm ? null : NoTerritory,
                ReportGroupBy.Territory => row.Territory ?? NoTerritory,
                ReportGroupBy.Vertical => row.Vertical ?? NoTerritory,
                _ => null,
            };
            if (key is not null) { For(_groups, _groupLookup, key, true).Add(in row, state, speed, leadDays); }
            Tally(_codes, _sent, _slips, in row, state);
            _grid.Add(in row, state);
        }

        public HandoffReport Finish(IReadOnlyList<TargetProgress> targets)
        {
            var spec = _spec;
            var groupFigures = spec.GroupBy == ReportGroupBy.Week ? null
                : _groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new GroupFigures(g.Key, g.Value.ToFigures())).ToList();
            var weekFigures = _weekList.Select((w, i) => new GroupFigures(w.ToString("yyyy-MM-dd", null), _weeks[i].ToFigures())).ToList();
            var w = _warned.ToFigures();
            var c = _clean.ToFigures();
            return new HandoffReport(
                spec.From.ToString("yyyy-MM-dd", null), spec.To.ToString("yyyy-MM-dd", null), spec.Zone.Id, spec.GroupBy.ToString().ToLowerInvariant(),
                Infrastructure.Instants.Format(spec.Now), _totals.ToFigures(), groupFigures ?? weekFigures, weekFigures, SlipCounts(_codes, _slips),
                SentAnywayFigures(_codes, _sent), new WarningOutcomes(w.Booked, w.NoShowRate, c.Booked, c.NoShowRate), Distribution(_shares),
                targets, _grid.ToGrid(spec.MinSample));
        }
    }

    private static FigureAccumulator For(Dictionary<string, FigureAccumulator> map,
        Dictionary<string, FigureAccumulator>.AlternateLookup<ReadOnlySpan<char>> lookup, ReadOnlySpan<char> key, bool times)
    {
        if (!lookup.TryGetValue(key, out var acc))
        {
            acc = new FigureAccumulator(times);
            map[key.ToString()] = acc;
        }
        return acc;
    }

    /// <summary>A row's sent-anyway codes and its slips (codes raised but not on screen when sent), by code id.</summary>
    private static void Tally(CodeTable codes, List<SentAnywayTally> sent, List<int> slips, in ReportRow row, MeetingState state)
    {
        var sentCodes = row.SentAnyway.AsSpan();
        foreach (var range in sentCodes.Split('|'))
        {
            if (range.Start.Value == range.End.Value) { continue; }
            var id = Grow(codes.IdOf(sentCodes[range]), sent, slips);
            var tally = sent[id];
            tally.Count++;
            if (state is MeetingState.Held or MeetingState.Opportunity) { tally.Held++; }
            else if (state == MeetingState.NoShow) { tally.NoShows++; }
            else if (state is MeetingState.Awaiting or MeetingState.NoOutcomeYet) { tally.PastActive++; }
            sent[id] = tally;
        }
        if (row.Slips == 0) { return; }
        var seen = row.SeenCodes.AsSpan();
        foreach (var range in seen.Split('|'))
        {
            if (range.Start.Value == range.End.Value || CodeTable.Contains(row.SentAnyway, seen[range])) { continue; }
            slips[Grow(codes.IdOf(seen[range]), sent, slips)]++;
        }
    }

    private static int Grow(int id, List<SentAnywayTally> sent, List<int> slips)
    {
        while (sent.Count <= id) { sent.Add(default); slips.Add(0); }
        return id;
    }

    private static List<CodeCount> SlipCounts(CodeTable codes, List<int> slips) =>
        Enumerable.Range(0, slips.Count).Where(i => slips[i] > 0).Select(i => new CodeCount(codes[i], slips[i]))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();

    private static List<SentAnywayFigures> SentAnywayFigures(CodeTable codes, List<SentAnywayTally> sent) =>
        Enumerable.Range(0, sent.Count).Where(i => sent[i].Count > 0)
            .Select(i => new SentAnywayFigures(codes[i], sent[i].Count, sent[i].NoShows, Rate(sent[i].NoShows, sent[i].Held + sent[i].NoShows + sent[i].PastActive)))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();

    private static List<RsmShare> Distribution(Dictionary<string, FigureAccumulator> shares)
    {
        var total = shares.Values.Sum(a => a.Booked);
        return shares.Select(s =>
            {
                var f = s.Value.ToFigures();
                return new RsmShare(s.Key, f.Booked, Round4((double)f.Booked / total), f.HeldRate, f.NoShowRate);
            })
            .OrderByDescending(r => r.Handoffs).ThenBy(r => r.Rsm, StringComparer.Ordinal).ToList();
    }

    public static Figures FiguresOf(IReadOnlyCollection<(ReportRow Row, MeetingState State)> set)
    {
        var acc = new FigureAccumulator(true);
        foreach (var (row, state) in set)
        {
            double? speed = null, leadDays = null;
            if (row.LeadInAt is { } lead)
            {
                if (lead <= row.SentAt) { speed = (row.SentAt - lead).TotalMinutes; }
                if (lead <= row.Start) { leadDays = (row.Start - lead).TotalDays; }
            }
            acc.Add(row, state, speed, leadDays);
        }
        return acc.ToFigures();
    }

    /// <summary>The figures from a group's counts by state and its sorted times.</summary>
    internal static Figures FiguresFrom(int[] counts, int booked, decimal amount, double[] speedArray, double[] dayArray, int slips, int warned)
    {
        var opportunities = counts[(int)MeetingState.Opportunity];
        var held = counts[(int)MeetingState.Held] + opportunities;
        var noShows = counts[(int)MeetingState.NoShow];
        var canceled = counts[(int)MeetingState.Canceled];
        var disqualified = counts[(int)MeetingState.Disqualified];
        var awaiting = counts[(int)MeetingState.Awaiting];
        var noOutcome = counts[(int)MeetingState.NoOutcomeYet];
        var pastActive = awaiting + noOutcome;
        var withinHour = 0;
        foreach (var m in speedArray) { if (m <= 60) { withinHour++; } else { break; } }
        return new Figures(
            booked, held, opportunities, noShows, canceled, disqualified, counts[(int)MeetingState.Upcoming], awaiting, noOutcome, pastActive,
            Rate(held, held + noShows + canceled + disqualified + pastActive), Rate(noShows, held + noShows + pastActive), Rate(opportunities, held),
            amount,
            new SpeedFigures(speedArray.Length, Round1(Median(speedArray)), Round1(NearestRank(speedArray, 0.9)),
                speedArray.Length == 0 ? null : Round4((double)withinHour / speedArray.Length)),
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

    internal static Instant Start(in ReportRow r) => r.NewStart ?? r.Start;

    public static double? Rate(int part, int whole) => whole == 0 ? null : Round4((double)part / whole);

    private static double? Median(double[] sorted) => sorted.Length == 0 ? null
        : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;

    /// <summary>The nearest-rank percentile: the smallest value with at least p of the values at or below it.</summary>
    private static double? NearestRank(double[] sorted, double p) => sorted.Length == 0 ? null : sorted[(int)Math.Ceiling(p * sorted.Length) - 1];

    private static double Round4(double v) => Math.Round(v, 4);

    private static double? Round1(double? v) => v is { } x ? Math.Round(x, 1) : null;
}
