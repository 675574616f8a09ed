using Handoff.Scheduling.Calendars;

namespace Handoff.Api.Demo;

public static class DemoSetup
{
    /// <summary>The embedded default: the demo org's calendars, no Azure needed (the org itself is seeded into the store).</summary>
    public static WebApplicationBuilder AddDemoOrg(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ICalendarSource, DemoCalendarSource>();
        return builder;
    }
}
