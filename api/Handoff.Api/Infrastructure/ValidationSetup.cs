using System.Text.Json;
using FluentValidation;

namespace Handoff.Api.Infrastructure;

public static class ValidationSetup
{
    /// <summary>Error keys and messages use the JSON names clients send ("organizerTimeZone", "attendees[0]").</summary>
    public static IServiceCollection AddHandoffValidation(this IServiceCollection services)
    {
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) => member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        ValidatorOptions.Global.LanguageManager.Enabled = true;
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);
        return services;
    }
}
