using Handoff.Scheduling.Calendars;

namespace Handoff.Api.Demo;

public static class DemoSetup
{
    /// <summary>
    /// The embedded default: the demo org's calendars, no Azure needed (the org itself is seeded into the store);
    /// keyed, bound to the check by <c>Calendar:Source</c> (Adapters/AdapterChoice).
    /// </summary>
    public static WebApplicationBuilder AddDemoOrg(this WebApplicationBuilder builder)
    {
        builder.Services.AddKeyedSingleton<ICalendarSource, DemoCalendarSource>(nameof(Adapters.CalendarSourceKind.Demo));
        return builder;
    }
}
