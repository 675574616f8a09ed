using Handoff.Scheduling.Places;
using Handoff.Scheduling.Time;

namespace Handoff.Scheduling.Checks;

/// <summary>
/// The prospect's business days follow their country's week (CLDR weekData): Sunday–Thursday in Israel,
/// Monday–Saturday… The country is the place's when known, else the zone's (tzdb's zone.tab).
/// </summary>
public static class ProspectWeek
{
    public static ProspectContext Apply(ProspectContext prospect, LocationMatch where)
    {
        if (prospect.Zone is not { } zone)
        {
            return prospect;
        }
        var country = (where.Kind == LocationKind.Place ? where.Place?.Country : null) ?? TimeZoneIds.CountryOf(zone);
        return prospect with { BusinessHours = CountryCalendars.ForCountry(prospect.BusinessHours, country) };
    }
}
