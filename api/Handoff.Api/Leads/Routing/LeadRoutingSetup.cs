using Handoff.Scheduling.Leads;

namespace Handoff.Api.Leads.Routing;

public static class LeadRoutingSetup
{
    /// <summary>
    /// Lead routing and the picker it asks. The picker is the seam to the territory's assignment mode: today the
    /// priority rule; the routing modes replace this one registration.
    /// </summary>
    public static WebApplicationBuilder AddLeadRouting(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ILeadPicker, PriorityLeadPicker>();
        builder.Services.AddSingleton<LeadRouter>();
        return builder;
    }
}
