using Handoff.Scheduling.Time;
using NodaTime;

namespace Handoff.Scheduling.Checks.Rules;

/// <summary>The meeting falls on another date (and so another weekday) for some party than for the SDR.</summary>
internal sealed class DifferentDayRule : ICheckRule
{
    public void Evaluate(MeetingDraft draft, Instant now, ICollection<Warning> warnings)
    {
        var start = draft.Meeting.Start;
        var yourDate = start.InZone(draft.OrganizerZone).Date;
        foreach (var (party, zone, who) in Parties(draft))
        {
            var theirs = start.InZone(zone);
            if (theirs.Date == yourDate)
            {
                continue;
            }
            var mine = start.InZone(draft.OrganizerZone);
            warnings.Add(new Warning(WarningCodes.DifferentDay, Severity.Warning, party,
                $"{Formats.Time(mine)} {Formats.Weekday(yourDate)} your time is {Formats.Time(theirs)} {Formats.Weekday(theirs.Date)} for {who} ({ZoneNames.Friendly(zone)}): a different day."));
        }
    }

    internal static IEnumerable<(PartyRef Party, DateTimeZone Zone, string Who)> Parties(MeetingDraft draft)
    {
        if (draft.Prospect.Zone is { } prospectZone)
        {
            yield return (new PartyRef(PartyKind.Prospect, draft.Prospect.Emails.FirstOrDefault()), prospectZone, draft.Prospect.Describe());
        }
        foreach (var rsm in draft.Rsms)
        {
            yield return (new PartyRef(PartyKind.Rsm, rsm.Profile.Email), rsm.Zone, rsm.Name);
        }
    }
}
