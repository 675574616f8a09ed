using Handoff.Scheduling.Places;

namespace Handoff.Places;

public enum GazetteerEntryKind
{
    /// <summary>A US ZIP code ("93706").</summary>
    ZipCode,
    /// <summary>A Canadian forward sortation area: the first three characters of a postal code ("M5H").</summary>
    PostalPrefix,
    /// <summary>A city, town or postal city name ("Fresno, CA").</summary>
    City,
}

/// <summary>
/// One row of the gazetteer. <see cref="ZoneId"/> is a canonical IANA id; <see cref="Population"/> is known
/// for GeoNames places only (0 otherwise). For a rural Canadian FSA (second character '0') <see cref="Name"/>
/// is the area's description ("Eastern Alberta") and <see cref="Point"/> its centre, which can be far from a
/// given address.
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
    public bool IsRuralPostalPrefix => Kind == GazetteerEntryKind.PostalPrefix && Code is [_, '0', ..];
}
