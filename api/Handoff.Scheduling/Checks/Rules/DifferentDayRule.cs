using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Time;
using NodaTime;

namespace Handoff.Scheduling.Checks.Rules;

/// <summary>
/// The meeting falls on another date (and so another weekday) for some party than for the SDR.
/// <para>
/// An <b>info</b> when the slot lies inside that party's hours on their own date, a <b>warning</b> otherwise.
/// Why: across the date line (an RSM in Auckland, a US SDR) every meeting is on another date, and the times
/// line already shows it; when the hours and business-day rules pass on the party's own date (their week, their
/// holidays), the date difference is a fact to know, not a risk, and a warning on every such check would teach
/// SDRs to ignore warnings. Outside their hours it is part of the problem the SDR must read.
/// </para>
/// </summary>
internal sealed class DifferentDayRule : ICheckRule
{
    public void Evaluate(MeetingDraft draft, Instant now, ICollection<Warning> warnings)
    {
        var start = draft.Meeting.Start;
        var mine = start.InZone(draft.OrganizerZone);
        foreach (var (party, zone, who, hours) in PartiesWithHours(draft))
        {
            var theirs = start.InZone(zone);
            if (theirs.Date == mine.Date)
            {
                continue;
            }
            var inside = hours.Contains(draft.Meeting, zone);
            warnings.Add(new Warning(WarningCodes.DifferentDay, inside ? Severity.Info : Severity.Warning, party,
                $"{Formats.Time(mine)} {Formats.Weekday(mine.Date)} your time is {Formats.Time(theirs)} {Formats.Weekday(theirs.Date)} for {who} ({ZoneNames.InParentheses(zone)}): a different day."));
        }
    }

    internal static IEnumerable<(PartyRef Party, DateTimeZone Zone, string Who)> Parties(MeetingDraft draft) =>
        PartiesWithHours(draft).Select(p => (p.Party, p.Zone, p.Who));

    internal static IEnumerable<(PartyRef Party, DateTimeZone Zone, string Who, WorkingHours Hours)> PartiesWithHours(MeetingDraft draft)
    {
        if (draft.Prospect.Zone is { } prospectZone)
        {
            yield return (new PartyRef(PartyKind.Prospect, draft.Prospect.Emails.FirstOrDefault()), prospectZone, draft.Prospect.Describe(), draft.Prospect.BusinessHours);
        }
        foreach (var rsm in draft.Rsms)
        {
            yield return (new PartyRef(PartyKind.Rsm, rsm.Profile.Email), rsm.Zone, rsm.Name, rsm.WorkingHours);
        }
    }
}
