using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Time;
using NodaTime;

namespace Handoff.Scheduling.Routing;

/// <summary>
/// Where the prospect is and which zone they are in. Precedence: the zone the SDR gave &gt; the meeting
/// location's zone &gt; the default zone of the territory that owns the place (or, when the place is unknown,
/// of the invited RSM's territory, when a prospect is on the invite). Says which source won, so the SDR can correct it.
/// </summary>
public static class ProspectLocator
{
    /// <summary>Longest location text quoted back in a message.</summary>
    private const int QuoteLength = 80;

    public static ProspectContext Locate(
        DateTimeZone? requested,
        LocationMatch where,
        TerritoryMatch? territory,
        TerritoryResolver territories,
        IReadOnlyList<RsmProfile> rsms,
        WorkingHours businessHours,
        IReadOnlyList<string> emails)
    {
        var place = where.Kind == LocationKind.Place ? where.Place : null;
        var placeName = place is null ? null : PlaceNames.Short(place);
        if (requested is not null)
        {
            return new ProspectContext(requested, businessHours, emails, placeName, ZoneSource.Request, "given in the request");
        }
        if (place is not null && TimeZoneIds.TryResolve(place.ZoneId, out var placeZone))
        {
            return new ProspectContext(placeZone, businessHours, emails, placeName, ZoneSource.Location, $"inferred from '{Quote(where.Text ?? place.Label)}'");
        }
        if (territory?.Territory is { DefaultProspectZone: { } zone } owning)
        {
            return new ProspectContext(zone, businessHours, emails, placeName, ZoneSource.Territory,
                $"the default of territory {owning.Name}, which covers {place?.Label ?? "the meeting place"}");
        }
        // With no place and no prospect on the invite, there is nobody to guess a zone for (an internal meeting).
        foreach (var rsm in emails.Count == 0 ? [] : rsms)
        {
            if (territories.HomeTerritoryOf(rsm.Email) is { DefaultProspectZone: { } homeZone } home)
            {
                var why = where.Kind == LocationKind.Unknown ? $"'{Quote(where.Text ?? "")}' could not be placed" : "no meeting location to go by";
                return new ProspectContext(homeZone, businessHours, emails, placeName, ZoneSource.Territory,
                    $"the default of {rsm.DisplayName}'s territory {home.Name} ({why})");
            }
        }
        return new ProspectContext(null, businessHours, emails, placeName);
    }

    private static string Quote(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= QuoteLength ? trimmed : trimmed[..(QuoteLength - 1)] + "…";
    }
}
