using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Routing;
using Handoff.Scheduling.Suggestions;
using Handoff.Scheduling.Travel;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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
        // The one rule set (RuleSet: also what the tests and benchmarks run); rules a feature registers run last.
        builder.Services.AddSingleton(sp => RuleSet.Checker(sp.GetRequiredService<TripEstimator>(), sp.GetServices<ICheckRule>()));
        builder.Services.AddSingleton<MeetingCheckService>();

        // Place-aware scheduling: travel settings from configuration ("Handoff:Travel"), its rules, suggestions, routing.
        builder.Services.AddOptions<TravelOptions>().BindConfiguration(TravelOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TravelOptions>, TravelOptionsValidator>();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<TravelOptions>>().Value);
        // Field intel (travel profiles, reported trips) comes through IFieldIntelSource, bound by Adapters/AdapterChoice.
        builder.Services.AddSingleton(sp => new TripEstimator(sp.GetRequiredService<TravelOptions>(), sp.GetRequiredService<IFieldIntelSource>()));
        builder.Services.AddSingleton<SuggestionService>();
        builder.Services.AddSingleton<TerritoryRouter>();
        return builder;
    }

    private sealed class TravelOptionsValidator : IValidateOptions<TravelOptions>
    {
        public ValidateOptionsResult Validate(string? name, TravelOptions options) =>
            options.Problems().ToArray() is { Length: > 0 } problems
                ? ValidateOptionsResult.Fail(problems.Select(p => $"{TravelOptions.Section}: {p}"))
                : ValidateOptionsResult.Success;
    }
}
