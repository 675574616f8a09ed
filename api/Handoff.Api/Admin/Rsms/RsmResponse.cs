using System.ComponentModel.DataAnnotations;
using Handoff.Api.Admin.Common;
using Handoff.Api.Infrastructure;
using Handoff.Storage;

namespace Handoff.Api.Admin.Rsms;

/// <param name="Version">The row version; the ETag header carries the same value in quotes.</param>
public sealed record RsmResponse(
    Guid Id,
    string Email,
    string DisplayName,
    string? TimeZone,
    PlaceDto? HomeBase,
    WorkingHoursDto? WorkingHours,
    IReadOnlyList<string> Verticals,
    TravelDto? Travel,
    bool Active,
    int Version,
    [property: DataType(DataType.DateTime)] string CreatedAt,
    [property: DataType(DataType.DateTime)] string UpdatedAt)
{
    public static RsmResponse From(RsmEntity r) => new(
        r.Id, r.Email, r.DisplayName, r.TimeZone,
        r.HomeBase is null ? null : PlaceDto.From(r.HomeBase),
        r.WorkingHours is null ? null : WorkingHoursDto.From(r.WorkingHours),
        Tags.Split(r.Verticals),
        r.Travel is null ? null : TravelDto.From(r.Travel),
        r.Active, r.Version, Instants.Format(r.CreatedAt), Instants.Format(r.UpdatedAt));
}
