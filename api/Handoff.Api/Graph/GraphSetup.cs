using Handoff.Graph;

namespace Handoff.Api.Graph;

public static class GraphSetup
{
    /// <summary>
    /// RSMs' calendars from Microsoft Graph when a <c>Graph</c> section is configured: the Graph reader
    /// replaces the demo calendar, and a bad or incomplete section stops start-up naming the setting.
    /// Without the section the embedded demo calendar stays. See docs/graph.md.
    /// </summary>
    public static WebApplicationBuilder AddGraphCalendars(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.HasGraphSection())
        {
            builder.Services.AddGraphCalendars();
        }
        return builder;
    }
}
