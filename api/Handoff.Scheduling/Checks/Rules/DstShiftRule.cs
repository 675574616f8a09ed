using Handoff.Scheduling.Time;
using NodaTime;

namespace Handoff.Scheduling.Checks.Rules;

/// <summary>
/// Daylight-saving traps. A warning when the hour difference between the SDR and a party on the meeting
/// date differs from today's (the weeks when US and European clocks disagree); an info when some party's
/// clocks change within <see cref="Window"/> of the meeting.
/// </summary>
internal sealed class DstShiftRule : ICheckRule
{
    public static readonly Duration Window = Duration.FromDays(7);

    public void Evaluate(MeetingDraft draft, Instant now, ICollection<Warning> warnings)
    {
        var at = draft.Meeting.Start;
        var organizer = draft.OrganizerZone;
        var warnedZones = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (party, zone, who) in DifferentDayRule.Parties(draft))
        {
            var today = zone.GetUtcOffset(now) - organizer.GetUtcOffset(now);
            var then = zone.GetUtcOffset(at) - organizer.GetUtcOffset(at);
            if (today == then || !warnedZones.Add(zone.Id))
            {
                continue;
            }
            var local = at.InZone(zone);
            warnings.Add(new Warning(WarningCodes.DstShift, Severity.Warning, party,
                $"Clocks change before the meeting: you and {who} ({ZoneNames.Friendly(zone)}) are {Apart(today)} today but {Apart(then)} on {local.Date:MMM d}, " +
                $"so {Phrases.YourTime(draft)} is {Formats.Time(local)} for them."));
        }

        var zones = DifferentDayRule.Parties(draft).Select(p => (p.Party, p.Zone))
            .Prepend((Party: PartyRef.Organizer, Zone: organizer))
            .Where(p => !warnedZones.Contains(p.Zone.Id))
            .DistinctBy(p => p.Zone.Id);
        foreach (var (party, zone) in zones)
        {
            if (TransitionNear(zone, at) is not { } change)
            {
                continue;
            }
            var local = change.InZone(zone);
            var days = (int)Math.Round(Math.Abs((change - at).TotalDays));
            var relation = change < at ? "before" : "after";
            warnings.Add(new Warning(WarningCodes.DstShift, Severity.Info, party,
                $"Clocks change in {(party.Kind == PartyKind.Organizer ? "your zone" : ZoneNames.Friendly(zone))} on {Formats.Weekday(local.Date)}, {local.Date:MMM d} " +
                $"({(days == 0 ? "the same day as" : days == 1 ? $"1 day {relation}" : $"{days} days {relation}")} the meeting); double-check the time in calendar reminders."));
        }
    }

    /// <summary>The first offset change within the window around the instant, if any.</summary>
    internal static Instant? TransitionNear(DateTimeZone zone, Instant at)
    {
        var from = at - Window;
        var to = at + Window;
        var interval = zone.GetZoneInterval(from);
        while (interval.HasEnd && interval.End <= to)
        {
            var next = zone.GetZoneInterval(interval.End);
            if (next.WallOffset != interval.WallOffset)
            {
                return interval.End;
            }
            interval = next;
        }
        return null;
    }

    private static string Apart(Offset difference) => difference == Offset.Zero ? "on the same clock" : $"{Phrases.Hours(difference)} apart";
}
