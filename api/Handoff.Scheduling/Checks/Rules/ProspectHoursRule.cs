using Handoff.Scheduling.Time;
using NodaTime;

namespace Handoff.Scheduling.Checks.Rules;

/// <summary>The meeting must fall within the prospect's business hours, in the prospect's zone.</summary>
internal sealed class ProspectHoursRule : ICheckRule
{
    public void Evaluate(MeetingDraft draft, Instant now, ICollection<Warning> warnings)
    {
        var prospect = draft.Prospect;
        var party = new PartyRef(PartyKind.Prospect, prospect.Emails.FirstOrDefault());
        if (prospect.Zone is not { } zone)
        {
            if (prospect.Emails.Count > 0)
            {
                warnings.Add(new Warning(WarningCodes.ProspectTimeZoneUnknown, Severity.Warning, party,
                    "Handoff does not know the prospect's time zone; add the meeting location or choose their zone to check their local time."));
            }
            return;
        }
        if (prospect.BusinessHours.Contains(draft.Meeting, zone))
        {
            return;
        }
        var why = HoursExplanation.Why(draft.Meeting, zone, prospect.BusinessHours, "their business hours", "a business day for them");
        warnings.Add(new Warning(WarningCodes.ProspectOutsideBusinessHours, Severity.Warning, party,
            $"{Phrases.YourTime(draft)} is {Phrases.LocalWithDay(draft.Meeting.Start, zone)} for {prospect.Describe()} ({ZoneNames.InParentheses(zone)}), {why}."));
    }
}
