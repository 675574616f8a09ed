using System.ComponentModel.DataAnnotations;
using Handoff.Api.Admin.Common;
using Handoff.Api.Infrastructure;
using Handoff.Storage;

namespace Handoff.Api.Admin.Territories;

/// <param name="Version">The row version; the ETag header carries the same value in quotes.</param>
public sealed record TerritoryResponse(
    Guid Id,
    string Name,
    TerritoryRulesDto Rules,
    IReadOnlyList<AssignmentDto> Assignments,
    IReadOnlyList<string> Verticals,
    string? DefaultProspectTimeZone,
    RoutingDto Routing,
    int Version,
    [property: DataType(DataType.DateTime)] string CreatedAt,
    [property: DataType(DataType.DateTime)] string UpdatedAt)
{
    /// <summary>
    /// Only in the answer to a write: where this territory covers places another one covers too, and who gets them.
    /// Empty when it overlaps none; absent on reads and in exports.
    /// </summary>
    public IReadOnlyList<TerritoryOverlapDto>? Overlaps { get; init; }

    /// <summary>Needs the assignments' RSMs loaded.</summary>
    public static TerritoryResponse From(TerritoryEntity t) => new(
        t.Id, t.Name, RulesFrom(t.Rules),
        t.Assignments.OrderBy(a => a.Priority).ThenBy(a => a.Rsm!.EmailKey)
            .Select(a => new AssignmentDto(a.Rsm!.Email, a.Priority, a.RsmId, a.Weight, a.AddedAt is { } added ? Instants.Format(added) : null)).ToArray(),
        Tags.Split(t.Verticals), t.DefaultProspectTimeZone, RoutingDto.From(t), t.Version, Instants.Format(t.CreatedAt), Instants.Format(t.UpdatedAt));

    public static TerritoryRulesDto RulesFrom(RulesData r) => new(
        r.Countries, r.Regions, r.PostalPrefixes, r.Radii.Select(x => new RadiusDto(PlaceDto.From(x.Center), x.RadiusKm)).ToArray());
}
