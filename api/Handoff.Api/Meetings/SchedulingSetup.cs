using Handoff.Scheduling.Checks;

namespace Handoff.Api.Meetings;

public static class SchedulingSetup
{
    /// <summary>
    /// The scheduling core's services. Extra <see cref="ICheckRule"/>s registered by features run after the core rules;
    /// adapters (directory, calendars, places) are added by their own setup.
    /// </summary>
    public static WebApplicationBuilder AddScheduling(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(new CheckOptions());
        builder.Services.AddSingleton(sp => new MeetingChecker(MeetingChecker.CoreRules.Concat(sp.GetServices<ICheckRule>())));
        builder.Services.AddSingleton<MeetingCheckService>();
        return builder;
    }
}
