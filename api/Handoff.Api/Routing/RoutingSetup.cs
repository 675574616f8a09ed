using Handoff.Scheduling.Routing.Modes;
using Microsoft.Extensions.Options;

namespace Handoff.Api.Routing;

public static class RoutingSetup
{
    /// <summary>Assignment modes at work in checks, suggestions and the owner endpoint (docs/routing.md).</summary>
    public static WebApplicationBuilder AddRoutingModes(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RoutingOptions>().BindConfiguration(RoutingOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RoutingOptions>, OptionsValidator>();
        builder.Services.AddScoped<PoolInputsLoader>();
        builder.Services.AddSingleton<StoreTerritoryPicker>();
        builder.Services.AddSingleton<ITerritoryPicker>(s => s.GetRequiredService<StoreTerritoryPicker>());
        return builder;
    }

    private sealed class OptionsValidator : IValidateOptions<RoutingOptions>
    {
        public ValidateOptionsResult Validate(string? name, RoutingOptions options) =>
            options.Problems().ToArray() is { Length: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
