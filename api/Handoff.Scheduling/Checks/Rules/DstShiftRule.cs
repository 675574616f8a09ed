using Handoff.Scheduling.Time;
using NodaTime;

namespace Handoff.Scheduling.Checks.Rules;

/// <summary>
/// Daylight-saving traps, only where a clock change can mislead the SDR about THIS meeting. The check already
/// shows everyone's correct local time; what misleads is the hour gap the SDR carries in their head. Two cases,
/// both a warning (<c>DST_SHIFT</c>), for a meeting that has not started:
/// <list type="bullet">
/// <item>An odd gap: on the meeting date the gap between the SDR and the party holds only briefly, different from
/// the gap <see cref="Usual"/> before and after (the weeks when US and European clocks disagree; the weeks between
/// northern and southern changes). Flagged however far ahead the meeting is.</item>
/// <item>A near change: the gap changes between now and a meeting within <see cref="Near"/>, so "the same time
/// as today" is wrong.</item>
/// </list>
/// Nothing for changes after the meeting, for past meetings, for a gap that stays put (both clocks change
/// together) or for a far meeting whose gap is simply the season's (New York vs Phoenix in July).
/// Gaps are compared in seconds: two offsets may be up to 28 hours apart (+14 vs -14), past what NodaTime's
/// <see cref="Offset"/> may hold.
/// </summary>
internal sealed class DstShiftRule : ICheckRule
{
    /// <summary>How far before and after the meeting the usual gap is read: longer than any mismatch period (5 weeks in October between Sydney and New York).</summary>
    public static readonly Duration Usual = Duration.FromDays(42);

    /// <summary>A meeting within this of now is "soon": the SDR compares with today's gap.</summary>
    public static readonly Duration Near = Duration.FromDays(28);

    public void Evaluate(MeetingDraft draft, Instant now, ICollection<Warning> warnings)
    {
        var at = draft.Meeting.Start;
        if (at < now)
        {
            return;
        }
        var organizer = draft.OrganizerZone;
        var warned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (party, zone, who) in DifferentDayRule.Parties(draft))
        {
            if (zone.Id == organizer.Id || !warned.Add(zone.Id))
            {
                continue;
            }
            var then = Gap(zone, organizer, at);
            var local = at.InZone(zone);
            var consequence = $"so {Phrases.YourTime(draft)} is {Formats.Time(local)} for them.";
            var before = Gap(zone, organizer, Minus(at, Usual));
            var after = Gap(zone, organizer, Plus(at, Usual));
            if (then != before && then != after)
            {
                warnings.Add(new Warning(WarningCodes.DstShift, Severity.Warning, party,
                    $"Clocks change on different dates: on {local.Date:MMM d} {who} ({ZoneNames.InParentheses(zone)}) is {Relative(then)}, not the usual {Relative(before)}, {consequence}"));
                continue;
            }
            var today = Gap(zone, organizer, now);
            if (today != then && at - now <= Near)
            {
                warnings.Add(new Warning(WarningCodes.DstShift, Severity.Warning, party,
                    $"Clocks change before the meeting: {who} ({ZoneNames.InParentheses(zone)}) is {Relative(today)} today but {Relative(then)} on {local.Date:MMM d}, {consequence}"));
            }
        }
    }

    /// <summary>The party's clock minus the SDR's, in seconds (positive: the party is ahead).</summary>
    internal static int Gap(DateTimeZone party, DateTimeZone organizer, Instant at) =>
        party.GetUtcOffset(at).Seconds - organizer.GetUtcOffset(at).Seconds;

    private static Instant Plus(Instant at, Duration d) => at < Instant.MaxValue - d ? at + d : Instant.MaxValue;

    private static Instant Minus(Instant at, Duration d) => at > Instant.MinValue + d ? at - d : Instant.MinValue;

    /// <summary>"5 hours ahead of you", "3 hours behind you", "on your clock".</summary>
    internal static string Relative(int seconds) => seconds switch
    {
        0 => "on your clock",
        > 0 => $"{Phrases.Hours(seconds)} ahead of you",
        _ => $"{Phrases.Hours(seconds)} behind you",
    };
}
