using System.Text.Json.Serialization;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Routing;

namespace Handoff.Api.Territories;

/// <summary>
/// Who owns a place. <see cref="Owner"/>, <see cref="Territory"/>, <see cref="TimeZone"/> and <see cref="Place"/>
/// are written as null (not left out) when unknown, so clients can rely on the shape.
/// </summary>
/// <param name="ResolvedBy">postalPrefix, radius, region, country, or none.</param>
/// <param name="Explanation">How, in words: "ZIP prefix 937 in territory San Joaquin Valley".</param>
/// <param name="Specialist">Another RSM who specialises in the requested vertical, when the owner does not.</param>
public sealed record OwnerResponse(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] OwnerRsmDto? Owner,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] OwnerTerritoryDto? Territory,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? TimeZone,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] OwnerPlaceDto? Place,
    ResolvedBy ResolvedBy,
    string Explanation,
    OwnerRsmDto? Specialist = null)
{
    /// <summary>
    /// In a round-robin, first-available or performance territory: why the mode picked <see cref="Owner"/> (absent in
    /// priority mode, where the owner is the first by priority).
    /// </summary>
    public Routing.PickDto? Routing { get; init; }

    public static OwnerResponse From(TerritoryMatch match) => new OwnerResponse(
        OwnerRsmDto.From(match.Owner),
        match.Territory is { } t ? new OwnerTerritoryDto(t.Id, t.Name) : null,
        match.Zone?.Id,
        match.Place is { } p ? new OwnerPlaceDto(p.Label, p.Point.Latitude, p.Point.Longitude) : null,
        match.ResolvedBy,
        match.Explanation,
        OwnerRsmDto.From(match.Specialist)) { Routing = Handoff.Api.Routing.PickDto.From(match.Pick) };
}

/// <param name="TimeZone">The RSM's IANA zone, when the org knows it.</param>
public sealed record OwnerRsmDto(string Email, string Name, string? TimeZone)
{
    public static OwnerRsmDto? From(RsmProfile? rsm) => rsm is null ? null : new(rsm.Email, rsm.DisplayName, rsm.Zone?.Id);
}

public sealed record OwnerTerritoryDto(Guid Id, string Name);

public sealed record OwnerPlaceDto(string Label, double Latitude, double Longitude);
