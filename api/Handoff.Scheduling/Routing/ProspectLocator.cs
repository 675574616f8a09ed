using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Time;
using NodaTime;

namespace Handoff.Scheduling.Routing;

/// <summary>
/// Where the prospect is and which zone they are in. Precedence: the zone the SDR gave &gt; the meeting
/// location's zone &gt; the default zone of the territory that owns the place &gt; the country of the prospect's
/// e-mail domain (".de") &gt; the default zone of the invited RSM's territory (when a prospect is on the invite).
/// Only the first two can be facts: a zone given, or a place that fits one zone. Everything else — an ambiguous
/// place ("London"), a territory default, a domain — is marked <see cref="ProspectContext.Assumed"/>, so the
/// check can say it is a guess and what to confirm.
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
        IReadOnlyList<string> emails,
        IPlaceResolver? places = null)
    {
        var place = where.Kind == LocationKind.Place ? where.Place : null;
        var placeName = place is null ? null : PlaceNames.Short(place);
        if (requested is not null)
        {
            return new ProspectContext(requested, businessHours, emails, placeName, ZoneSource.Request, "given in the request") { Place = place };
        }
        if (place is not null && TimeZoneIds.TryResolve(place.ZoneId, out var placeZone))
        {
            var quoted = Quote(where.Text ?? place.Label);
            return where.Ambiguous
                ? new ProspectContext(placeZone, businessHours, emails, placeName, ZoneSource.Location,
                    $"assumed from '{quoted}', read as {place.Label}; it could also be {Alternatives(where.Alternatives)}")
                {
                    Assumed = true,
                    Place = place,
                    Alternatives = where.Alternatives,
                }
                : new ProspectContext(placeZone, businessHours, emails, placeName, ZoneSource.Location, $"inferred from '{quoted}'") { Place = place };
        }
        if (territory?.Territory is { DefaultProspectZone: { } zone } owning)
        {
            return new ProspectContext(zone, businessHours, emails, placeName, ZoneSource.Territory,
                $"the default of territory {owning.Name}, which covers {place?.Label ?? "the meeting place"}")
            {
                Assumed = true,
                Place = place,
                Basis = $"from territory {owning.Name}, which covers {place?.Label ?? "the meeting place"}",
            };
        }
        // With no place and no prospect on the invite, there is nobody to guess a zone for (an internal meeting).
        if (emails.Count == 0)
        {
            return new ProspectContext(null, businessHours, emails, placeName);
        }
        var why = where.Kind == LocationKind.Unknown ? $"'{Quote(where.Text ?? "")}' could not be placed" : "no meeting location to go by";
        if (FromEmailDomain(emails, places) is var (country, countryMatch, email) && TimeZoneIds.TryResolve(countryMatch.Place!.ZoneId, out var countryZone))
        {
            return new ProspectContext(countryZone, businessHours, emails, placeName, ZoneSource.EmailDomain,
                $"assumed from {email}'s domain (.{email[(email.LastIndexOf('.') + 1)..]}: {countryMatch.Place.Label}; {why})")
            {
                Assumed = true,
                Alternatives = countryMatch.Alternatives,
                Basis = $"from their e-mail address ({email[email.LastIndexOf('@')..]}: {countryMatch.Place.Label})",
            };
        }
        foreach (var rsm in rsms)
        {
            if (territories.HomeTerritoryOf(rsm.Email) is { DefaultProspectZone: { } homeZone } home)
            {
                return new ProspectContext(homeZone, businessHours, emails, placeName, ZoneSource.Territory,
                    $"the default of {rsm.DisplayName}'s territory {home.Name} ({why})")
                {
                    Assumed = true,
                    Basis = $"from {rsm.DisplayName}'s territory {home.Name}",
                };
            }
        }
        return new ProspectContext(null, businessHours, emails, placeName);
    }

    private static (string Country, LocationMatch Match, string Email)? FromEmailDomain(IReadOnlyList<string> emails, IPlaceResolver? places)
    {
        if (places is null)
        {
            return null;
        }
        foreach (var email in emails)
        {
            if (EmailCountries.Of(email) is { } country && places.Country(country) is { Kind: LocationKind.Place, Place.ZoneId: not null } match)
            {
                return (country, match, email);
            }
        }
        return null;
    }

    private static string Alternatives(IReadOnlyList<Place> alternatives) =>
        string.Join(" or ", alternatives.Take(3).Select(a => a.Label));

    private static string Quote(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= QuoteLength ? trimmed : trimmed[..(QuoteLength - 1)] + "…";
    }
}
