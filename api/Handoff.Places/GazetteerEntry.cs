using Handoff.Scheduling.Places;

namespace Handoff.Places;

public enum GazetteerEntryKind
{
    /// <summary>A US ZIP code ("93706").</summary>
    ZipCode,
    /// <summary>A Canadian forward sortation area: the first three characters of a postal code ("M5H").</summary>
    PostalPrefix,
    /// <summary>A city, town or postal city name ("Fresno, CA", "London, GB").</summary>
    City,
    /// <summary>A first-level region outside the US and Canada ("New South Wales", GeoNames admin1 code "02").</summary>
    Region,
    /// <summary>A country ("GB"): the point and zone of its most populous place.</summary>
    Country,
}

/// <summary>
/// One row of the gazetteer. <see cref="ZoneId"/> is a canonical IANA id; <see cref="Population"/> is known
/// for GeoNames places (0 otherwise) and summed for regions and countries. For a rural Canadian FSA (second
/// character '0') <see cref="Name"/> is the area's description ("Eastern Alberta") and <see cref="Point"/> its
/// centre, which can be far from a given address. <see cref="Region"/> is a USPS or Canadian province code in
/// the US and Canada and a GeoNames admin1 code elsewhere ("ENG", "02"). <see cref="Names"/> are other names
/// ("UK", "Deutschland", "NSW"); <see cref="ZoneShare"/> (regions and countries) is the permille of the people
/// living in <see cref="ZoneId"/>: under 990, the place alone does not say the zone.
/// </summary>
public sealed record GazetteerEntry(
    GazetteerEntryKind Kind,
    string? Code,
    string Name,
    string Region,
    string Country,
    GeoPoint Point,
    string ZoneId,
    int Population)
{
    /// <summary>A region or country with at least this permille of its people in its main zone has one zone for scheduling.</summary>
    public const int OneZoneShare = 990;

    public IReadOnlyList<string> Names { get; init; } = [];

    public int ZoneShare { get; init; } = 1000;

    public bool IsRuralPostalPrefix => Kind == GazetteerEntryKind.PostalPrefix && Code is [_, '0', ..];

    /// <summary>In the US or Canada, where regions are USPS/Canada Post codes and postal codes are known.</summary>
    public bool IsNorthAmerican => Country is "US" or "CA";
}
