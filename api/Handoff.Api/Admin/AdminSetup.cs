using Handoff.Api.Admin.Common;

namespace Handoff.Api.Admin;

public static class AdminSetup
{
    public static WebApplicationBuilder AddAdmin(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddSingleton<PlaceInputs>();
        builder.Services.AddScoped<AdminWrites>();
        builder.Services.AddSingleton<Territories.TerritoryOverlapReport>();
        builder.Services.AddScoped<AdminReferenceRules>();
        builder.Services.AddScoped<Infrastructure.IReferenceRules<Territories.ParsedTerritory>>(s => s.GetRequiredService<AdminReferenceRules>());
        builder.Services.AddScoped<Infrastructure.IReferenceRules<FieldPlans.ParsedFieldPlan>>(s => s.GetRequiredService<AdminReferenceRules>());
        builder.Services.AddScoped<Infrastructure.IReferenceRules<Rsms.ParsedRsm>>(s => s.GetRequiredService<AdminReferenceRules>());
        builder.Services.AddScoped<Infrastructure.IReferenceRules<FieldIntel.Reports.ParsedFieldReport>>(s => s.GetRequiredService<AdminReferenceRules>());
        builder.Services.AddScoped<Infrastructure.IReferenceRules<FieldIntel.Profiles.TravelProfileRequest>>(s => s.GetRequiredService<AdminReferenceRules>());
        return builder;
    }
}
