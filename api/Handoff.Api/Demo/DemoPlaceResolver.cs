using System.Text.RegularExpressions;
using Handoff.Scheduling.Places;

namespace Handoff.Api.Demo;

/// <summary>
/// INTERIM, until the gazetteer (<c>api/Handoff.Places</c>) lands: knows only the places of the demo org (its
/// RSMs' sites, home bases and field plans) by ZIP code or "City, ST", and the usual online-meeting markers.
/// Everything else is unknown, which the checks report as such. Registered with TryAdd, so any real
/// <see cref="IPlaceResolver"/> wins.
/// </summary>
public sealed partial class DemoPlaceResolver : IPlaceResolver
{
    private static readonly Place[] Known =
    [
        P("Fresno", "CA", "93706", 36.7378, -119.7871, "America/Los_Angeles"),
        P("Fresno", "CA", "93725", 36.7069, -119.7645, "America/Los_Angeles"),
        P("Bakersfield", "CA", "93301", 35.3733, -119.0187, "America/Los_Angeles"),
        P("Sacramento", "CA", "95814", 38.5816, -121.4944, "America/Los_Angeles"),
        P("Sacramento", "CA", "95811", 38.5762, -121.4880, "America/Los_Angeles"),
        P("Los Angeles", "CA", "90012", 34.0614, -118.2385, "America/Los_Angeles"),
        P("Las Vegas", "NV", "89101", 36.1727, -115.1223, "America/Los_Angeles"),
        P("Chicago", "IL", "60607", 41.8756, -87.6515, "America/Chicago"),
        P("Milwaukee", "WI", "53202", 43.0389, -87.9065, "America/Chicago"),
        P("Rockford", "IL", "61101", 42.2925, -89.1130, "America/Chicago"),
        P("Newark", "NJ", "07102", 40.7357, -74.1724, "America/New_York"),
        P("Philadelphia", "PA", "19103", 39.9526, -75.1745, "America/New_York"),
        P("New York", "NY", "10018", 40.7549, -73.9925, "America/New_York"),
        P("New York", "NY", "10001", 40.7506, -73.9972, "America/New_York"),
        P("Denver", "CO", "80216", 39.7850, -104.9667, "America/Denver"),
        P("Denver", "CO", "80202", 39.7525, -104.9995, "America/Denver"),
        P("Colorado Springs", "CO", "80903", 38.8339, -104.8214, "America/Denver"),
        P("Salt Lake City", "UT", "84101", 40.7561, -111.8990, "America/Denver"),
    ];

    private static readonly Dictionary<string, Place> ByZip = Known.ToDictionary(p => p.PostalCode!, StringComparer.Ordinal);

    // The first ZIP listed for a city stands for the city.
    private static readonly Dictionary<string, Place> ByCity = Known.GroupBy(p => $"{p.City}, {p.Region}", StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.First() with { Label = g.Key, PostalCode = null }, StringComparer.OrdinalIgnoreCase);

    public LocationMatch Resolve(string? location)
    {
        if (string.IsNullOrWhiteSpace(location))
        {
            return LocationMatch.None;
        }
        var text = location.Trim();
        if (Online().IsMatch(text))
        {
            return new LocationMatch(LocationKind.Online, text);
        }
        if (Zip().Matches(text).LastOrDefault() is { } zip && ByZip.TryGetValue(zip.Groups[1].Value, out var byZip))
        {
            return new LocationMatch(LocationKind.Place, text, byZip);
        }
        if (CityState().Matches(text).LastOrDefault() is { } city &&
            ByCity.TryGetValue($"{city.Groups[1].Value.Trim()}, {city.Groups[2].Value}", out var byCity))
        {
            return new LocationMatch(LocationKind.Place, text, byCity);
        }
        return new LocationMatch(LocationKind.Unknown, text);
    }

    private static Place P(string city, string state, string zip, double lat, double lon, string zone) =>
        new($"{city}, {state} {zip}", new GeoPoint(lat, lon), zone, "US", state, zip, city);

    [GeneratedRegex(@"teams\.microsoft\.com|zoom\.us|meet\.google\.com|webex\.com|\b(microsoft teams|teams meeting|zoom|webex|online|phone|call)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Online();

    [GeneratedRegex(@"\b(\d{5})(?:-\d{4})?\b")]
    private static partial Regex Zip();

    [GeneratedRegex(@"([A-Za-z][A-Za-z .'-]*),\s*([A-Z]{2})\b")]
    private static partial Regex CityState();
}
