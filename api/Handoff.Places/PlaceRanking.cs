using Handoff.Places.Parsing;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Time;
using NodaTime;

namespace Handoff.Places;

/// <summary>
/// Turns a worldwide reading into one place and its alternatives. Namesakes are ranked by population (log scale)
/// plus what the check knows: the prospects' e-mail country (".co.uk"), the invited RSMs' countries and regions,
/// and the zones of the RSMs and their territories. Every namesake big enough to be meant (≥ 10,000 people, or at
/// least a tenth of the pick's) is an alternative, and any alternative makes the match ambiguous: the hints change
/// the order, never the honesty.
/// </summary>
internal static class PlaceRanking
{
    /// <summary>A namesake with this many people could be the one the SDR means.</summary>
    private const int AlternativePopulation = 10_000;
    private const int MaxAlternatives = 4;
    /// <summary>Two GeoNames rows this close in one zone and region are one town (a city and its municipality).</summary>
    private const double SamePlaceKm = 25;

    public static LocationMatch Match(string text, WorldReading reading, PlaceHints hints, Gazetteer gazetteer)
    {
        if (reading.Cities is { Length: > 0 } cities)
        {
            var ranked = cities.OrderByDescending(c => Score(c, hints)).ThenByDescending(c => c.Population).ToArray();
            var pick = ranked[0];
            var alternatives = new List<GazetteerEntry>();
            foreach (var other in ranked.Skip(1))
            {
                if ((other.Population >= AlternativePopulation || other.Population * 10L >= pick.Population) &&
                    !alternatives.Prepend(pick).Any(a => SamePlace(a, other)) && alternatives.Count < MaxAlternatives)
                {
                    alternatives.Add(other);
                }
            }
            var shown = alternatives.Prepend(pick).ToArray();
            return new LocationMatch(LocationKind.Place, text, CityPlace(pick, reading.Postcode, shown, gazetteer))
            {
                Ambiguous = alternatives.Count > 0,
                Alternatives = [.. alternatives.Select(a => CityPlace(a, null, shown, gazetteer))],
            };
        }
        return reading.Country is { } country ? CountryMatch(text, country, gazetteer) : new LocationMatch(LocationKind.Unknown, text);
    }

    /// <summary>
    /// A country as a place: its largest city's point and zone. Where part of its people live in another zone
    /// ("Spain": the Canaries; "USA"), the match is ambiguous and the largest city of each other zone is an alternative.
    /// </summary>
    public static LocationMatch CountryMatch(string text, GazetteerEntry country, Gazetteer gazetteer)
    {
        var place = new Place(country.Name, country.Point, country.ZoneId, country.Code);
        if (country.ZoneShare >= GazetteerEntry.OneZoneShare)
        {
            return new LocationMatch(LocationKind.Place, text, place);
        }
        var others = gazetteer.World.CitiesOf(country.Code!)
            .Where(c => c.ZoneId != country.ZoneId)
            .DistinctBy(c => c.ZoneId)
            .Take(MaxAlternatives)
            .ToArray();
        return new LocationMatch(LocationKind.Place, text, place)
        {
            Ambiguous = true,
            Alternatives = [.. others.Select(c => CityPlace(c, null, others, gazetteer))],
        };
    }

    private static double Score(GazetteerEntry city, PlaceHints hints)
    {
        var score = Math.Log10(city.Population + 10.0);
        if (hints.EmailCountries.Contains(city.Country))
        {
            score += 3;
        }
        if (hints.RsmPlaces.Any(p => p.Country == city.Country))
        {
            score += 1;
            if (city.IsNorthAmerican && hints.RsmPlaces.Any(p => p.Country == city.Country && SameRegion(p.Region, city.Region)))
            {
                score += 1.5;
            }
        }
        if (hints.Zones.Any(z => SameClock(z, city.ZoneId)))
        {
            score += 1;
        }
        return score;
    }

    // Two zones keep the same clock when their offsets agree in January and July ("America/Toronto" and
    // "America/New_York"): an RSM on Eastern Time makes London, ON as likely as a town in Ohio.
    private static readonly Instant January = Instant.FromUtc(2026, 1, 15, 12, 0);
    private static readonly Instant July = Instant.FromUtc(2026, 7, 15, 12, 0);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (Offset, Offset)?> Clocks = new(StringComparer.Ordinal);

    private static bool SameClock(string a, string b) => a == b || (ClockOf(a) is { } x && x == ClockOf(b));

    private static (Offset, Offset)? ClockOf(string id) => Clocks.GetOrAdd(id, static z =>
        TimeZoneIds.TryResolve(z, out var zone) ? (zone.GetUtcOffset(January), zone.GetUtcOffset(July)) : null);

    /// <summary>"IL" and the ISO 3166-2 form "US-IL" that admins may store on a home base are one region.</summary>
    private static bool SameRegion(string? stated, string region) =>
        stated is not null && (stated == region || (stated.Length > 3 && stated[2] == '-' && stated.AsSpan(3).SequenceEqual(region)));

    private static bool SamePlace(GazetteerEntry a, GazetteerEntry b) =>
        a.ZoneId == b.ZoneId && a.Country == b.Country && a.Region == b.Region && a.Point.DistanceKm(b.Point) <= SamePlaceKm;

    /// <summary>"London, United Kingdom", "London, ON"; the region is added where two shown places would read alike.</summary>
    private static Place CityPlace(GazetteerEntry city, string? postcode, IReadOnlyList<GazetteerEntry> shown, Gazetteer gazetteer)
    {
        if (city.IsNorthAmerican)
        {
            return AddressParser.FromCity(city);
        }
        var countryName = gazetteer.World.CountryByCode(city.Country)?.Name ?? city.Country;
        var twin = shown.Any(o => !ReferenceEquals(o, city) && o.Country == city.Country);
        var region = twin ? gazetteer.World.RegionName(city.Country, city.Region) : null;
        var label = (region, postcode) switch
        {
            (not null, _) => $"{city.Name}, {region}, {countryName}",
            (null, not null) => $"{city.Name} {postcode}, {countryName}",
            _ => $"{city.Name}, {countryName}",
        };
        // GeoNames admin1 codes are not ISO 3166-2 codes, so they are not offered as the place's region.
        return new Place(label, city.Point, city.ZoneId, city.Country, null, postcode, city.Name);
    }
}
