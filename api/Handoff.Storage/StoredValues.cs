namespace Handoff.Storage;

// Nested values stored as JSON text columns: they are read and written whole, never queried inside, and JSON
// text works the same on SQLite and PostgreSQL. These records ARE the stored format: add members, don't rename.

/// <summary>A place with coordinates. <see cref="ZoneId"/> is a canonical IANA id when known.</summary>
public sealed record PlaceData(
    string Label,
    double Latitude,
    double Longitude,
    string? ZoneId = null,
    string? Country = null,
    string? Region = null,
    string? PostalCode = null,
    string? City = null);

/// <summary>Local times as "HH:mm"; an end of "24:00" means the end of the day.</summary>
public sealed record DayHoursData(string Start, string End);

/// <summary>Hours per weekday; a null day is not a working day.</summary>
public sealed record WorkingHoursData(
    DayHoursData? Monday = null,
    DayHoursData? Tuesday = null,
    DayHoursData? Wednesday = null,
    DayHoursData? Thursday = null,
    DayHoursData? Friday = null,
    DayHoursData? Saturday = null,
    DayHoursData? Sunday = null);

public sealed record TravelData(double AverageSpeedKmh, int BufferBeforeMinutes, int BufferAfterMinutes, int LongestDriveMinutes);

public sealed record RadiusData(PlaceData Center, double RadiusKm);

public sealed record RulesData(
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Regions,
    IReadOnlyList<string> PostalPrefixes,
    IReadOnlyList<RadiusData> Radii)
{
    public static RulesData Empty { get; } = new([], [], [], []);
}

/// <summary>Tags kept as "|a|b|" (lower-case) so "has tag x" is a substring test on every provider.</summary>
public static class Tags
{
    public static string Join(IEnumerable<string>? tags)
    {
        var list = Normalise(tags);
        return list.Count == 0 ? "" : "|" + string.Join('|', list) + "|";
    }

    public static IReadOnlyList<string> Split(string? stored) =>
        string.IsNullOrEmpty(stored) ? [] : stored.Split('|', StringSplitOptions.RemoveEmptyEntries);

    public static string Needle(string tag) => "|" + tag.Trim().ToLowerInvariant() + "|";

    public static IReadOnlyList<string> Normalise(IEnumerable<string>? tags) =>
        (tags ?? []).Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct().ToArray();
}
