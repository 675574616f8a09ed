using Handoff.Scheduling.Leads;

namespace Handoff.Api.Leads.Routing;

public static class LeadRoutingSetup
{
    /// <summary>
    /// Lead routing and the picker it asks: the territory's assignment mode (docs/routing.md), priority by default.
    /// </summary>
    public static WebApplicationBuilder AddLeadRouting(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ILeadPicker, ModeLeadPicker>();
        builder.Services.AddSingleton<LeadRouter>();
        return builder;
    }
}
