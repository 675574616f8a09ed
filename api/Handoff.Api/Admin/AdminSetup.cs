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
        return builder;
    }
}
