using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Org;

namespace Handoff.Api.Demo;

public static class DemoSetup
{
    /// <summary>The embedded default: the demo org's directory and calendars, no Azure needed.</summary>
    public static WebApplicationBuilder AddDemoOrg(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IOrgDirectory, InMemoryOrgDirectory>();
        builder.Services.AddSingleton<ICalendarSource, DemoCalendarSource>();
        return builder;
    }
}
