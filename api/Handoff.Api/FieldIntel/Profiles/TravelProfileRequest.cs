using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Handoff.Api.Admin.Common;
using Handoff.Api.Infrastructure;
using Handoff.Storage;

namespace Handoff.Api.FieldIntel.Profiles;

/// <summary>
/// Travel conditions for the org, a region or a territory. Set only what differs; the rest comes from the broader
/// profile (territory over region over org over the built-in default); an RSM's own speed and buffers win over all.
/// </summary>
/// <param name="Scope">"org", "region" or "territory".</param>
/// <param name="Region">With scope "region": a subdivision code such as "US-IL".</param>
/// <param name="Territory">With scope "territory": the territory's name or id.</param>
/// <param name="AverageSpeedKmh">Door-to-door driving speed there, 5–200 km/h.</param>
/// <param name="BufferBeforeMinutes">Minutes to park and walk in before a meeting, 0–240.</param>
/// <param name="BufferAfterMinutes">Minutes to leave after a meeting, 0–240.</param>
/// <param name="LobbyWaitMinutes">Typical wait in the lobby before a meeting starts, 0–240.</param>
/// <param name="LongestDriveMinutes">The longest drive before flying makes sense, 15–1440.</param>
public sealed record TravelProfileRequest(
    [property: Required, AllowedValues("org", "region", "territory")] string? Scope,
    string? Region = null,
    string? Territory = null,
    double? AverageSpeedKmh = null,
    int? BufferBeforeMinutes = null,
    int? BufferAfterMinutes = null,
    int? LobbyWaitMinutes = null,
    int? LongestDriveMinutes = null,
    string? Note = null);

/// <param name="ScopeKey">"ORG", the region code, or the territory id.</param>
/// <param name="TerritoryName">With scope "territory".</param>
public sealed record TravelProfileResponse(
    Guid Id, string Scope, string ScopeKey, string? TerritoryName, double? AverageSpeedKmh, int? BufferBeforeMinutes, int? BufferAfterMinutes,
    int? LobbyWaitMinutes, int? LongestDriveMinutes, string? Note, int Version, [property: DataType(DataType.DateTime)] string CreatedAt, [property: DataType(DataType.DateTime)] string UpdatedAt)
{
    /// <summary>Needs the territory loaded for territory profiles.</summary>
    public static TravelProfileResponse Of(TravelProfileEntity p) => new(
        p.Id, p.Scope, p.ScopeKey, p.Territory?.Name, p.AverageSpeedKmh, p.BufferBeforeMinutes, p.BufferAfterMinutes, p.LobbyWaitMinutes,
        p.LongestDriveMinutes, p.Note, p.Version, Instants.Format(p.CreatedAt), Instants.Format(p.UpdatedAt));
}

public sealed class TravelProfileRequestValidator : AbstractValidator<TravelProfileRequest>
{
    public static readonly string[] Scopes = ["org", "region", "territory"];

    public TravelProfileRequestValidator()
    {
        RuleFor(p => p.Scope).NotEmpty().WithMessage("'scope' is required: org, region or territory.")
            .Must(s => Scopes.Contains(s?.Trim().ToLowerInvariant())).WithMessage("'{PropertyValue}' is not a scope: use org, region or territory.")
            .When(p => !string.IsNullOrWhiteSpace(p.Scope), ApplyConditionTo.CurrentValidator);
        RuleFor(p => p.Region).NotEmpty().WithMessage("'region' is required with scope region: a code such as US-IL.")
            .Must(IsoCodes.IsRegion).WithMessage("'{PropertyValue}' is not a region code such as US-IL.")
            .When(p => Is(p, "region"));
        RuleFor(p => p.Region).Empty().WithMessage("'region' goes with scope region only.").When(p => !Is(p, "region"));
        RuleFor(p => p.Territory).NotEmpty().WithMessage("'territory' is required with scope territory: its name or id.").MaximumLength(200)
            .When(p => Is(p, "territory"));
        RuleFor(p => p.Territory).Empty().WithMessage("'territory' goes with scope territory only.").When(p => !Is(p, "territory"));
        RuleFor(p => p.AverageSpeedKmh).InclusiveBetween(5, 200).WithMessage("'averageSpeedKmh' must be between 5 and 200 km/h.")
            .Must(v => v is null || double.IsFinite(v.Value)).WithMessage("'averageSpeedKmh' must be a number.");
        RuleFor(p => p.BufferBeforeMinutes).InclusiveBetween(0, 240).WithMessage("'bufferBeforeMinutes' must be between 0 and 240.");
        RuleFor(p => p.BufferAfterMinutes).InclusiveBetween(0, 240).WithMessage("'bufferAfterMinutes' must be between 0 and 240.");
        RuleFor(p => p.LobbyWaitMinutes).InclusiveBetween(0, 240).WithMessage("'lobbyWaitMinutes' must be between 0 and 240.");
        RuleFor(p => p.LongestDriveMinutes).InclusiveBetween(15, 1440).WithMessage("'longestDriveMinutes' must be between 15 and 1440.");
        RuleFor(p => p.Note).MaximumLength(1000);
        RuleFor(p => p)
            .Must(p => p.AverageSpeedKmh is not null || p.BufferBeforeMinutes is not null || p.BufferAfterMinutes is not null ||
                       p.LobbyWaitMinutes is not null || p.LongestDriveMinutes is not null)
            .OverridePropertyName("averageSpeedKmh")
            .WithMessage("Set at least one of averageSpeedKmh, bufferBeforeMinutes, bufferAfterMinutes, lobbyWaitMinutes, longestDriveMinutes.");
    }

    private static bool Is(TravelProfileRequest p, string scope) => string.Equals(p.Scope?.Trim(), scope, StringComparison.OrdinalIgnoreCase);
}
