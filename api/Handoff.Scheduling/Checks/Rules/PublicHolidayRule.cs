using Handoff.Scheduling.Time;
using NodaTime;

namespace Handoff.Scheduling.Checks.Rules;

/// <summary>
/// A public holiday on the meeting's local date where the prospect is, or where an RSM works: a warning
/// ("Thursday, Nov 26 is Thanksgiving Day in the US"). The prospect's country comes from the place when known,
/// else from their zone; an RSM's from their home base, else their zone. Regions count too ("US-TX").
/// </summary>
internal sealed class PublicHolidayRule : ICheckRule
{
    public void Evaluate(MeetingDraft draft, Instant now, ICollection<Warning> warnings)
    {
        if (draft.Prospect.Zone is { } prospectZone)
        {
            var place = draft.Place;
            var country = place?.Country ?? TimeZoneIds.CountryOf(prospectZone);
            Add(draft, prospectZone, country, place?.Country == country ? place?.Region : null,
                new PartyRef(PartyKind.Prospect, draft.Prospect.Emails.FirstOrDefault()), draft.Prospect.Describe(), warnings);
        }
        foreach (var rsm in draft.Rsms)
        {
            var home = rsm.Profile.HomeBase;
            var country = home?.Country ?? TimeZoneIds.CountryOf(rsm.Zone);
            Add(draft, rsm.Zone, country, home?.Country == country ? home?.Region : null,
                new PartyRef(PartyKind.Rsm, rsm.Profile.Email), rsm.Name, warnings);
        }
    }

    private static void Add(MeetingDraft draft, DateTimeZone zone, string? country, string? region, PartyRef party, string who,
        ICollection<Warning> warnings)
    {
        var date = draft.Meeting.Start.InZone(zone).Date;
        if (country is null || CountryCalendars.HolidayOn(date, country, region) is not { } holiday)
        {
            return;
        }
        warnings.Add(new Warning(WarningCodes.PublicHoliday, Severity.Warning, party,
            $"{Formats.Weekday(date)}, {date:MMM d} is {holiday} in {CountryCalendars.CountryName(country)}: {who} may be off that day."));
    }
}
