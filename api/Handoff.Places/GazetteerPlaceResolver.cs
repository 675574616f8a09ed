using System.Globalization;
using Handoff.Places.Parsing;
using Handoff.Scheduling.Places;

namespace Handoff.Places;

/// <summary>
/// <see cref="IPlaceResolver"/> over the offline <see cref="Gazetteer"/>. Outlook joins several locations with
/// "; ", so each part ("Acme Metals, Fresno, CA 93706; Microsoft Teams Meeting") is read on its own: a part
/// placed by its postal code, or a part with no online words placed by city and region, makes the meeting
/// in person; otherwise any online part makes it online ("Phone call with Fresno, CA" is online). Stateless and
/// thread-safe; allocates little beyond the result.
/// </summary>
public sealed class GazetteerPlaceResolver(Gazetteer gazetteer) : IPlaceResolver
{
    /// <summary>Coordinates farther than this from every known place get no zone (offshore, abroad).</summary>
    public const double MaxZoneDistanceKm = 100;

    public GazetteerPlaceResolver() : this(Gazetteer.Default)
    {
    }

    public LocationMatch Resolve(string? location) => Resolve(location, PlaceHints.None);

    public LocationMatch Resolve(string? location, PlaceHints hints) => Resolve(location, hints, out _);

    /// <param name="ranked">
    /// True when the answer depended on <paramref name="hints"/> (a name that several places share, ranked by what
    /// the check knows); false when the text alone decides it, so the answer holds for every check with that text.
    /// </param>
    public LocationMatch Resolve(string? location, PlaceHints hints, out bool ranked)
    {
        ranked = false;
        if (string.IsNullOrWhiteSpace(location))
        {
            return LocationMatch.None;
        }
        var text = location.Trim();
        if (Coordinates.TryParse(text, out var point))
        {
            return new LocationMatch(LocationKind.Place, text, ResolvePoint(point));
        }
        var online = false;
        var withoutUrls = OnlineMeetings.WithoutUrls(text);
        foreach (var range in text.AsSpan().SplitAny(";|\r\n"))
        {
            var part = text.AsSpan(range);
            var partOnline = OnlineMeetings.IsOnline(part);
            var match = AddressParser.Parse(ReferenceEquals(withoutUrls, text) ? part : OnlineMeetings.WithoutUrls(part.ToString()), gazetteer);
            if (match.Found && (match.Evidence == Evidence.PostalCode || !partOnline))
            {
                ranked |= match.Place is null;
                var found = match.Place is not null
                    ? new LocationMatch(LocationKind.Place, text, match.Place)
                    : PlaceRanking.Match(text, match.World, hints, gazetteer);
                if (found.Kind == LocationKind.Place)
                {
                    return found;
                }
            }
            online |= partOnline;
        }
        return new LocationMatch(online ? LocationKind.Online : LocationKind.Unknown, text);
    }

    public LocationMatch Country(string isoCode) =>
        gazetteer.World.CountryByCode(isoCode.Trim()) is { } country
            ? PlaceRanking.CountryMatch(isoCode, country, gazetteer)
            : new LocationMatch(LocationKind.Unknown, isoCode);

    /// <summary>
    /// A place at exact coordinates (an admin's home base or territory centre), labelled "36.74, -119.78 (near
    /// Fresno, CA)". Its zone is the nearest gazetteer entry's, so within a few km of a zone boundary it can be
    /// the neighbour's; farther than <see cref="MaxZoneDistanceKm"/> from any entry it has no zone or region.
    /// </summary>
    public Place ResolvePoint(GeoPoint point)
    {
        var coordinates = string.Create(CultureInfo.InvariantCulture, $"{point.Latitude:0.#####}, {point.Longitude:0.#####}");
        var near = gazetteer.Nearest(point, MaxZoneDistanceKm, out _);
        return near is null
            ? new Place(coordinates, point)
            : near.IsNorthAmerican
                ? new Place($"{coordinates} (near {near.Name}, {near.Region})", point, near.ZoneId, near.Country, near.Region)
                : new Place($"{coordinates} (near {near.Name}, {gazetteer.World.CountryByCode(near.Country)?.Name ?? near.Country})", point, near.ZoneId, near.Country);
    }
}
