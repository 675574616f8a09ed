using Handoff.Api.Auth;
using Handoff.Api.FieldIntel.Accuracy;
using Handoff.Api.FieldIntel.Planner;
using Handoff.Api.FieldIntel.Reports;
using Handoff.Scheduling.Travel;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Handoff.Api.FieldIntel;

/// <summary>Field intel: travel profiles, field reports, plan accuracy, the planner and its pages.</summary>
public static class FieldIntelSetup
{
    /// <summary>RSMs report their own trips with this app role.</summary>
    public const string RsmRole = "Handoff.Rsm";

    /// <summary>A system (expense tool, telematics) reporting trips for any RSM.</summary>
    public const string IntegrationRole = "Handoff.Integration";

    public const string ReporterPolicy = "FieldReporter";

    /// <summary>The store's field intel (keyed; the check's IFieldIntelSource, bound by Adapters/AdapterChoice).</summary>
    public static WebApplicationBuilder AddFieldIntel(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<StoreFieldIntel>();
        builder.Services.AddKeyedSingleton<IFieldIntelSource>(Adapters.AdapterChoice.FieldIntelStore, (sp, _) => sp.GetRequiredService<StoreFieldIntel>());
        builder.Services.AddHostedService<FieldIntelRefresher>();
        builder.Services.AddSingleton<FieldCalendars>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ReporterPolicy, p => p.RequireRole(RsmRole, IntegrationRole, Roles.Admin));
        return builder;
    }

    /// <summary>/api/v1/field-reports, /api/v1/field-plans/accuracy, /api/v1/planner, and the /planner and /report-trip pages.</summary>
    public static IEndpointRouteBuilder MapFieldIntel(this IEndpointRouteBuilder app)
    {
        app.MapFieldReports();
        app.MapPlanAccuracy();
        app.MapPlanner();
        app.MapFieldPages();
        return app;
    }
}
