using Handoff.Api.Infrastructure;
using Handoff.Scheduling.Routing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Handoff.Api.Territories;

public static class TerritoriesApi
{
    public static RouteGroupBuilder MapTerritories(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/territories").WithTags("Territories").RequireAuthorization(Auth.Policies.Sdr);

        group.MapGet("/owner", GetOwnerAsync)
            .WithName("GetTerritoryOwner")
            .WithSummary("Find the RSM who owns a place")
            .WithDescription("Resolves a ZIP / postal code, \"City, ST\" or address to its territory and owner RSM, the zone, and how it was resolved. " +
                             "An unknown place or an uncovered one is a 200 with a null owner and an explanation.")
            .WithValidation<OwnerQuery>();

        return group;
    }

    public static async Task<Ok<OwnerResponse>> GetOwnerAsync([AsParameters] OwnerQuery query, TerritoryRouter router, CancellationToken cancellationToken)
    {
        var match = await router.RouteAsync(query.Location!, string.IsNullOrWhiteSpace(query.Vertical) ? null : query.Vertical.Trim(), cancellationToken);
        return TypedResults.Ok(OwnerResponse.From(match));
    }
}
