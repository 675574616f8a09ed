using FluentValidation;
using Handoff.Api.Admin.Common;
using Handoff.Api.Admin.Territories;
using Handoff.Api.Infrastructure;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Routing.Modes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Handoff.Api.Routing;

/// <param name="Vertical">The lead's vertical: performance weights use outcomes in it (default: every vertical).</param>
/// <param name="Location">First available: where the meeting would be (address, ZIP), so travel is checked.</param>
public sealed record RoutingStateQuery([FromQuery(Name = "vertical")] string? Vertical, [FromQuery(Name = "location")] string? Location);

public sealed class RoutingStateQueryValidator : AbstractValidator<RoutingStateQuery>
{
    public RoutingStateQueryValidator()
    {
        RuleFor(q => q.Vertical).MaximumLength(100).MustBeCleanText();
        RuleFor(q => q.Location).MaximumLength(1000).MustBeCleanText();
    }
}

/// <summary>A territory's routing now: the settings, who the next lead goes to and why, and the performance weights.</summary>
/// <param name="Performance">The performance weights computed from outcomes; <c>inForce</c> only in performance mode.</param>
public sealed record RoutingStateResponse(Guid TerritoryId, string Territory, RoutingDto Routing, string? Vertical, PickDto Next, PerformanceDto Performance);

/// <param name="PoolHeldRate">Held ÷ decided over the pool in the window (m_h in docs/routing.md).</param>
/// <param name="PoolOpportunityRate">Opportunities ÷ held over the pool in the window (m_o).</param>
public sealed record PerformanceDto(
    bool InForce, double PriorStrength, double Floor, int WindowDays, double PoolHeldRate, double PoolOpportunityRate, IReadOnlyList<PerformanceMemberDto> Members);

/// <param name="HeldRate">Smoothed: (held + k·m_h) ÷ (decided + k).</param>
/// <param name="OpportunityRate">Smoothed: (opportunities + k·m_o) ÷ (held + k).</param>
/// <param name="Multiplier">Weight in force ÷ base weight.</param>
/// <param name="Share">Share of the pool's leads these weights aim for (0–1).</param>
/// <param name="Floored">Raised to the floor: their outcomes alone would give less.</param>
public sealed record PerformanceMemberDto(
    string Email, double BaseWeight, int Decided, int Held, int Opportunities, double HeldRate, double OpportunityRate, double Score,
    double Multiplier, double Weight, double Share, bool Floored);

public static class RoutingStateApi
{
    public static RouteGroupBuilder MapTerritoryRouting(this RouteGroupBuilder territories)
    {
        territories.MapGet("/{id:guid}/routing", GetAsync).WithName("GetTerritoryRouting")
            .WithSummary("A territory's routing now: who the next lead goes to and why, each RSM's count and fair share, and the performance weights in force")
            .WithValidation<RoutingStateQuery>();
        return territories;
    }

    public static async Task<Results<Ok<RoutingStateResponse>, ProblemHttpResult>> GetAsync(
        Guid id, [AsParameters] RoutingStateQuery query, IOrgDirectory directory, IPlaceResolver places, StoreTerritoryPicker picker,
        PoolInputsLoader loader, Microsoft.Extensions.Options.IOptions<RoutingOptions> options, CancellationToken ct)
    {
        var org = await directory.GetSnapshotAsync(ct);
        if (org.Territories.FirstOrDefault(t => t.Id == id) is not { } territory)
        {
            return AdminProblems.NotFound("territory", id);
        }
        var vertical = string.IsNullOrWhiteSpace(query.Vertical) ? null : query.Vertical.Trim();
        var place = string.IsNullOrWhiteSpace(query.Location) ? null : places.Resolve(query.Location) is { Kind: LocationKind.Place, Place: { } p } ? p : null;
        var (pick, input) = await picker.PickAsync(territory, place, vertical, org, ct);
        var weights = input.Performance ?? PerformanceWeights.Compute(
            input.Pool.Select(m => (m.Email, m.Weight)).ToArray(), await loader.OutcomesAsync(input.Pool.Select(m => m.Email).ToArray(), vertical, input.Now, ct),
            options.Value.Performance, vertical);
        var performance = new PerformanceDto(
            input.Settings.Mode == AssignmentMode.Performance, weights.Options.PriorStrength, weights.Options.Floor, weights.Options.WindowDays,
            Round(weights.PoolHeldRate), Round(weights.PoolOpportunityRate),
            weights.Members.Select(m => new PerformanceMemberDto(m.Email, m.BaseWeight, m.Decided, m.Held, m.Opportunities, Round(m.HeldRate),
                Round(m.OpportunityRate), Round(m.Score), Round(m.Multiplier), Round(m.Weight), Round(m.Share), m.Floored)).ToArray());
        var settings = input.Settings;
        return TypedResults.Ok(new RoutingStateResponse(territory.Id, territory.Name,
            new RoutingDto(RoutingDto.NameOf(settings.Mode), RoutingDto.NameOf(settings.Period), settings.CreditBack), vertical, PickDto.From(pick)!, performance));
    }

    private static double Round(double value) => Math.Round(value, 4);
}
