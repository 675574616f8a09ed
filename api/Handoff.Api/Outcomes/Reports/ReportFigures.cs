using Handoff.Scheduling.Suggestions;

namespace Handoff.Api.Outcomes.Reports;

/// <summary>Speed to lead: lead in (the lead's cameInAt) → invite first sent, in minutes, over handoffs whose lead time is known.</summary>
public sealed record SpeedFigures(int WithLeadTime, double? MedianMinutes, double? P90Minutes, double? WithinHourShare);

/// <summary>
/// The figures of one set of handoffs (a group, a week, or all). Rates are fractions (0.8571), null when their
/// denominator is zero (an empty period has no rate, not a rate of 0). Definitions: docs/outcomes.md.
/// </summary>
/// <param name="Booked">Handoffs whose meeting (as first booked) starts in the range.</param>
/// <param name="Held">Held, including those with an opportunity.</param>
/// <param name="PastActive">Past meetings without a final outcome (awaiting + no outcome yet), rescheduled ones at their new time.</param>
/// <param name="HeldRate">Held ÷ (held + no-shows + canceled + disqualified + past active): of the meetings that are decided or due.</param>
/// <param name="NoShowRate">Chili Piper's: no-shows ÷ (held + no-shows + past active).</param>
/// <param name="OpportunityRate">Opportunities ÷ held.</param>
/// <param name="LeadToMeetingDaysMedian">Lead in → meeting start, days (one decimal), median.</param>
/// <param name="SlipsPrevented">Warnings a check of the draft raised that were gone when it was sent (one per code per handoff).</param>
/// <param name="SentWithWarnings">Handoffs sent with at least one warning or blocker on screen.</param>
public sealed record Figures(
    int Booked, int Held, int Opportunities, int NoShows, int Canceled, int Disqualified, int Upcoming, int AwaitingOutcome, int NoOutcomeYet,
    int PastActive, double? HeldRate, double? NoShowRate, double? OpportunityRate, decimal OpportunityAmount, SpeedFigures SpeedToLead,
    double? LeadToMeetingDaysMedian, int SlipsPrevented, int SentWithWarnings);

public sealed record GroupFigures(string Key, Figures Figures);

public sealed record CodeCount(string Code, int Count);

/// <summary>A warning code sent anyway: how often, and how those meetings went.</summary>
public sealed record SentAnywayFigures(string Code, int Count, int NoShows, double? NoShowRate);

/// <summary>No-show rates of handoffs sent with warnings on screen and of clean ones.</summary>
public sealed record WarningOutcomes(int SentWithWarnings, double? NoShowRateWithWarnings, int Clean, double? NoShowRateClean);

/// <summary>How handoffs were spread over RSMs (an invite with two RSMs counts for each).</summary>
public sealed record RsmShare(string Rsm, int Handoffs, double Share, double? HeldRate, double? NoShowRate);

/// <summary>The handoff report. Weeks run Monday 00:00 to Monday 00:00 in <see cref="TimeZone"/>; every week of the range is listed, empty ones too.</summary>
public sealed record HandoffReport(
    string From, string To, string TimeZone, string GroupBy, string GeneratedAt, Figures Totals, IReadOnlyList<GroupFigures> Groups,
    IReadOnlyList<GroupFigures> Weeks, IReadOnlyList<CodeCount> SlipsPrevented, IReadOnlyList<SentAnywayFigures> SentAnyway,
    WarningOutcomes WarningOutcomes, IReadOnlyList<RsmShare> RsmDistribution, IReadOnlyList<TargetProgress> Targets, HeldGrid Grid)
{
    /// <summary>Per territory and routing period, each RSM's handoffs against the fair share its mode aims for (managers and admins; docs/routing.md).</summary>
    public IReadOnlyList<TerritoryFairShares> FairShares { get; init; } = [];
}

/// <summary>One weekday × hour of the prospect's day: held, no-shows, and the held rate once the cell has enough meetings.</summary>
public sealed record HeldGridCell(string Day, int Hour, int Held, int NoShows, double? HeldRate, bool Sampled);

/// <summary>
/// When meetings are held: the org's cells (a rate only at MinSample decided meetings or more), and the same grid for
/// each vertical and region (the territory the meeting routed to). A slice's cell below MinSample has no rate of its
/// own: the ranking then uses the region's, else the org's cell (docs/outcomes.md).
/// </summary>
public sealed record HeldGrid(int MinSample, double? Baseline, IReadOnlyList<HeldGridCell> Cells, IReadOnlyList<HeldGridSlice> Slices)
{
    public static HeldGrid From(HeldRateSlices slices) => new(
        slices.Org.MinSample, Round(slices.Org.Baseline), CellsOf(slices.Org),
        slices.Verticals.Values.Concat(slices.Regions.Values)
            .Select(r => new HeldGridSlice(r.Slice.Kind.ToString().ToLowerInvariant(), r.Slice.Name!, Round(r.Baseline), r.Cells.Sum(c => c.Decided), CellsOf(r)))
            .OrderBy(s => s.Kind, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToArray());

    private static HeldGridCell[] CellsOf(HeldRates rates) =>
        rates.Cells.OrderBy(c => c.Day).ThenBy(c => c.Hour).Select(c => new HeldGridCell(
            c.Day.ToString(), c.Hour, c.Held, c.NoShows, c.Decided >= rates.MinSample && c.Rate is { } r ? Math.Round(r, 4) : null, c.Decided >= rates.MinSample)).ToArray();

    private static double? Round(double? rate) => rate is { } b ? Math.Round(b, 4) : null;
}

/// <summary>The held grid of one vertical or region: its overall rate, how many decided meetings it has, and its cells.</summary>
public sealed record HeldGridSlice(string Kind, string Name, double? Baseline, int Decided, IReadOnlyList<HeldGridCell> Cells);

/// <summary>A monthly target and how far the month has come: handoffs booked (by sent date) and, when targeted, held.</summary>
public sealed record TargetProgress(
    string Month, string Scope, string Subject, int TargetHandoffs, int Handoffs, double Progress, int? TargetHeld, int Held);
