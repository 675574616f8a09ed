using System.Text.Json;
using System.Text.Json.Serialization;

namespace Handoff.Api.Infrastructure;

public static class JsonSetup
{
    /// <summary>camelCase names and camelCase enum strings ("blocker", "rsm") for minimal APIs and OpenAPI alike.</summary>
    public static IServiceCollection AddHandoffJson(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => Configure(o.JsonSerializerOptions));
        return services;
    }

    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    }
}
