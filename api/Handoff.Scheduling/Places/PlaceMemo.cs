namespace Handoff.Scheduling.Places;

/// <summary>
/// Remembers what each location text resolved to within one request: calendars repeat the same sites,
/// so each distinct text is looked up once.
/// </summary>
public sealed class PlaceMemo(IPlaceResolver inner) : IPlaceResolver
{
    private readonly Dictionary<string, LocationMatch> _seen = new(StringComparer.Ordinal);

    public LocationMatch Resolve(string? location)
    {
        if (location is null)
        {
            return inner.Resolve(null);
        }
        if (!_seen.TryGetValue(location, out var match))
        {
            match = inner.Resolve(location);
            _seen[location] = match;
        }
        return match;
    }

    /// <summary>Not memoised: the hints are the check's own, and only the meeting location is read with them.</summary>
    public LocationMatch Resolve(string? location, PlaceHints hints) => inner.Resolve(location, hints);

    public LocationMatch Country(string isoCode) => inner.Country(isoCode);
}

/// <summary>Used when no gazetteer is configured: every location counts as not given, so nothing is inferred from it.</summary>
public sealed class NoPlaceResolver : IPlaceResolver
{
    public static NoPlaceResolver Instance { get; } = new();

    public LocationMatch Resolve(string? location) => LocationMatch.None;
}

/// <summary>How places read in messages.</summary>
public static class PlaceNames
{
    /// <summary>"Fresno" for a place with a city, else its label.</summary>
    public static string Short(Place place) => place.City is { Length: > 0 } city ? city : place.Label;
}
