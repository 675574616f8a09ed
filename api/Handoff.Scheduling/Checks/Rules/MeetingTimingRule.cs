using Handoff.Scheduling.Time;
using NodaTime;

namespace Handoff.Scheduling.Checks.Rules;

/// <summary>A meeting in the past, and an invite with no RSM on it.</summary>
internal sealed class MeetingTimingRule : ICheckRule
{
    public void Evaluate(MeetingDraft draft, Instant now, ICollection<Warning> warnings)
    {
        if (draft.Meeting.Start < now)
        {
            var start = draft.Meeting.Start.InZone(draft.OrganizerZone);
            warnings.Add(new Warning(WarningCodes.InThePast, Severity.Blocker, PartyRef.Organizer,
                $"This meeting starts in the past ({Formats.Weekday(start.Date)} {start.Date:MMM d} at {Formats.Time(start)} your time); pick a future time."));
        }
        if (draft.Rsms.Count == 0)
        {
            // Without an RSM nobody's calendar was read, so the time is not verified: a warning, never ok.
            warnings.Add(new Warning(WarningCodes.NoRsmAttendee, Severity.Warning, PartyRef.Organizer,
                "No RSM is on the invite yet; add the RSM so Handoff can check their calendar."));
        }
    }
}
