using Handoff.Api.Admin.Audit;
using Handoff.Api.Admin.FieldPlans;
using Handoff.Api.Admin.HandoffSettings;
using Handoff.Api.Admin.Rsms;
using Handoff.Api.Admin.Territories;
using Handoff.Api.Auth;

namespace Handoff.Api.Admin;

public static class AdminApi
{
    /// <summary>/api/v1/admin/{rsms, territories, field-plans, audit}: the Handoff.Admin role only.</summary>
    public static RouteGroupBuilder MapAdmin(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/api/v1/admin").RequireAuthorization(Policies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        admin.MapRsms();
        admin.MapTerritories();
        admin.MapFieldPlans();
        admin.MapAudit();
        admin.MapHandoffSettings();
        return admin;
    }
}
