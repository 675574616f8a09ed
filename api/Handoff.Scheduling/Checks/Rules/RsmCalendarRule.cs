using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Time;
using NodaTime;

namespace Handoff.Scheduling.Checks.Rules;

/// <summary>For each RSM: their working hours, conflicting calendar items, and whether the calendar could be read.</summary>
internal sealed class RsmCalendarRule : ICheckRule
{
    public void Evaluate(MeetingDraft draft, Instant now, ICollection<Warning> warnings)
    {
        foreach (var rsm in draft.Rsms)
        {
            var party = new PartyRef(PartyKind.Rsm, rsm.Profile.Email);
            if (!rsm.WorkingHours.Contains(draft.Meeting, rsm.Zone))
            {
                var why = HoursExplanation.Why(draft.Meeting, rsm.Zone, rsm.WorkingHours, $"{rsm.Name}'s working hours", $"a working day for {rsm.Name}");
                warnings.Add(new Warning(WarningCodes.RsmOutsideWorkingHours, Severity.Warning, party,
                    $"{Phrases.YourTime(draft)} is {Phrases.LocalWithDay(draft.Meeting.Start, rsm.Zone)} for {rsm.Name} ({ZoneNames.InParentheses(rsm.Zone)}), {why}."));
            }

            if (rsm.CalendarProblem is { } problem)
            {
                warnings.Add(problem.Outage
                    ? new Warning(WarningCodes.CalendarUnavailable, Severity.Warning, party,
                        $"Could not verify the RSM's calendar: {problem.Reason}. Check {rsm.Name}'s availability before sending.")
                    : new Warning(WarningCodes.RsmCalendarUnavailable, Severity.Warning, party,
                        $"Could not read {rsm.Name}'s calendar ({problem.Reason}); their availability is not verified."));
                continue;
            }

            foreach (var group in rsm.ItemsOverlapping(draft.Meeting).Where(i => i.Status != BusyStatus.Free).GroupBy(b => b.Status))
            {
                if (Describe(group.Key) is not { } kind)
                {
                    continue;
                }
                var (code, severity, verb) = kind;
                var blocks = group.ToArray();
                var first = blocks[0].Redacted();
                var what = first.Subject is { Length: > 0 } subject ? $": {subject}" : "";
                var where = first.Location is { Length: > 0 } location ? $" at {location}" : "";
                var more = blocks.Length > 1 ? $" and {blocks.Length - 1} more item{(blocks.Length > 2 ? "s" : "")}" : "";
                warnings.Add(new Warning(code, severity, party,
                    $"{rsm.Name} is {verb} {Phrases.RangeForBoth(first.Interval, draft.OrganizerZone, rsm.Zone)}{what}{where}{more}."));
            }
        }
    }

    private static (string Code, Severity Severity, string Verb)? Describe(BusyStatus status) => status switch
    {
        BusyStatus.Busy => (WarningCodes.RsmBusy, Severity.Blocker, "busy"),
        BusyStatus.OutOfOffice => (WarningCodes.RsmOutOfOffice, Severity.Blocker, "out of office"),
        BusyStatus.Tentative => (WarningCodes.RsmTentative, Severity.Warning, "tentatively booked"),
        BusyStatus.Unknown => (WarningCodes.RsmTentative, Severity.Warning, "possibly booked (status unknown)"),
        BusyStatus.WorkingElsewhere => (WarningCodes.RsmWorkingElsewhere, Severity.Warning, "working elsewhere"),
        _ => null,
    };
}
