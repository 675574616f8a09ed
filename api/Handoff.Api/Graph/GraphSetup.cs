using Handoff.Api.Auth;
using Handoff.Api.Graph.OnBehalfOf;
using Handoff.Graph;

namespace Handoff.Api.Graph;

public static class GraphSetup
{
    /// <summary>
    /// RSMs' calendars from Microsoft Graph when a <c>Graph</c> section is configured: the Graph reader (keyed; it
    /// serves checks when <c>Calendar:Source</c> is Graph, the default with the section), and a bad or incomplete
    /// section stops start-up naming the setting.
    /// With Entra sign-in and no app credential in the section, Graph is read on behalf of the signed-in SDR
    /// (delegated, <c>/me/calendar/getSchedule</c>). Without the section the embedded demo calendar stays. See docs/graph.md.
    /// </summary>
    public static WebApplicationBuilder AddGraphCalendars(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CalendarAccess>(); // the check reports a delegated-access problem through it
        if (!builder.Configuration.HasGraphSection())
        {
            return builder;
        }
        var entra = AuthSetup.ModeFrom(builder.Configuration) == AuthMode.Entra;
        var onBehalfOf = IsOnBehalfOf(builder.Configuration);
        if (onBehalfOf && !entra)
        {
            throw new Infrastructure.StartupRefusedException("Graph:OnBehalfOf needs Auth:Mode=Entra: the API exchanges the signed-in SDR's Entra token for Graph's.");
        }
        if (onBehalfOf)
        {
            builder.Services.PostConfigure<GraphOptions>(o => o.OnBehalfOf = true);
            builder.Services.AddHttpContextAccessor();
            builder.Services.AddSingleton<IDelegatedTokenSource, EntraOnBehalfOf>();
        }
        builder.Services.AddGraphCalendarReader(); // bound to ICalendarSource by Calendar:Source (Adapters/AdapterChoice)
        return builder;
    }

    /// <summary>
    /// Whether Graph is read (and briefs may be mailed) on behalf of the SDR: Graph:OnBehalfOf, or a Graph section
    /// without an app credential under Entra sign-in.
    /// </summary>
    public static bool IsOnBehalfOf(IConfiguration configuration)
    {
        if (!configuration.HasGraphSection())
        {
            return false;
        }
        var graph = configuration.GetSection(GraphOptions.Section).Get<GraphOptions>() ?? new GraphOptions();
        return graph.OnBehalfOf || (AuthSetup.ModeFrom(configuration) == AuthMode.Entra && graph.ConfiguredCredentials().Count == 0);
    }
}
