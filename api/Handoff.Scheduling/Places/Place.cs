namespace Handoff.Scheduling.Places;

/// <summary>
/// A place resolved to coordinates: a label people recognise ("Fresno, CA 93706"), and what routing
/// and time zones need. <see cref="ZoneId"/> is a canonical IANA id; <see cref="Zone"/> is that zone.
/// </summary>
public sealed record Place(
    string Label,
    GeoPoint Point,
    string? ZoneId = null,
    string? Country = null,
    string? Region = null,
    string? PostalCode = null,
    string? City = null)
{
    /// <summary>The place's zone; null when unknown. Resolved by <see cref="Time.TimeZoneIds"/> (cached), never re-parsed by callers.</summary>
    public NodaTime.DateTimeZone? Zone => Time.TimeZoneIds.TryResolve(ZoneId, out var zone) ? zone : null;
}
