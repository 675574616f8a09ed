using Handoff.Storage;
using NodaTime;

namespace Handoff.Api.Outcomes.Reports;

/// <summary>
/// One handoff as the report reads it: only the columns the report uses (not the key, not the record), as a struct the
/// report streams through its accumulators one at a time — no object per row, and nothing kept once it is counted.
/// </summary>
/// <param name="SentAt">When the invite was first sent (the record's first version).</param>
/// <param name="SentAnyway">Warning codes sent anyway, "|A|B|".</param>
/// <param name="SeenCodes">Every warning code any check of the draft raised, "|A|B|"; null when the draft was never checked with its key.</param>
public readonly record struct ReportRow(
    string SdrKey, string RsmKeys, string? Territory, string? Vertical, Instant Start, Instant End, Instant SentAt,
    Instant? LeadInAt, string SentAnyway, string? ProspectZone, OutcomeKind? Outcome, Instant? NewStart, Instant? NewEnd,
    decimal? Amount, string? SeenCodes)
{
    /// <summary>How many of the draft's warnings were fixed before send, counted once (the report sums it for every group).</summary>
    public int Slips { get; } = CountSlips(SeenCodes, SentAnyway);

    // The same count as ReportCalculator.SlipCodes, over spans of the stored lists: no strings made per row.
    private static int CountSlips(string? seenCodes, string sentAnyway)
    {
        var seen = seenCodes.AsSpan();
        var slips = 0;
        foreach (var range in seen.Split('|'))
        {
            if (range.Start.Value != range.End.Value && !CodeTable.Contains(sentAnyway, seen[range])) { slips++; }
        }
        return slips;
    }
}

/// <summary>How a meeting stands for the report.</summary>
public enum MeetingState
{
    Held,
    Opportunity,
    NoShow,
    Canceled,
    Disqualified,
    /// <summary>No final outcome and its (possibly rescheduled) time has not come.</summary>
    Upcoming,
    /// <summary>Past, no outcome, within Outcomes:NoOutcomeAfter of its end.</summary>
    Awaiting,
    /// <summary>Past, no outcome, longer than Outcomes:NoOutcomeAfter: shown as "no outcome yet", never counted as held.</summary>
    NoOutcomeYet,
}

public static class MeetingStates
{
    public static MeetingState Of(in ReportRow r, Instant now, Duration grace)
    {
        switch (r.Outcome)
        {
            case OutcomeKind.Held: return MeetingState.Held;
            case OutcomeKind.OpportunityCreated: return MeetingState.Opportunity;
            case OutcomeKind.NoShow: return MeetingState.NoShow;
            case OutcomeKind.Canceled: return MeetingState.Canceled;
            case OutcomeKind.Disqualified: return MeetingState.Disqualified;
        }
        // No outcome, or rescheduled: active at its (new) time.
        var start = r.NewStart ?? r.Start;
        var end = r.NewEnd ?? r.End;
        return start > now ? MeetingState.Upcoming : end + grace <= now ? MeetingState.NoOutcomeYet : MeetingState.Awaiting;
    }
}
