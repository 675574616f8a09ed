using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Handoff.Api.Infrastructure;

/// <summary>
/// An operation's example: the request body and parameter values Swagger UI's "Try it out" starts from. Bodies are
/// built when the document is served, from the clock, so dates stay in the future ("next Thursday", as the README).
/// </summary>
/// <param name="Body">The body, from the current instant; null for none.</param>
/// <param name="Parameters">Parameter name (path, query or header) → example value.</param>
public sealed record OperationExample(Func<NodaTime.Instant, object?>? Body, IReadOnlyDictionary<string, string>? Parameters = null);

/// <summary>Writes each operation's <see cref="OperationExample"/> (looked up by operation id) into the document.</summary>
internal sealed class OpenApiExamples(
    IReadOnlyDictionary<string, OperationExample> examples, NodaTime.IClock clock,
    Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.OperationId is not { } id || !examples.TryGetValue(id, out var example))
        {
            return;
        }
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter.Name is { } name && example.Parameters?.TryGetValue(name, out var value) == true)
            {
                parameter.Example = Typed(value, parameter.Schema?.Type);
            }
        }
        if (example.Body?.Invoke(clock.GetCurrentInstant()) is { } body && operation.RequestBody?.Content is { } content)
        {
            foreach (var (type, media) in content)
            {
                if (media is OpenApiMediaType mutable && type.Contains("json", StringComparison.Ordinal))
                {
                    mutable.Example = body as JsonNode ?? JsonSerializer.SerializeToNode(body, json.Value.SerializerOptions);
                }
            }
        }
    }

    /// <summary>"50" as 50 for an integer parameter, "true" as true for a boolean one, "a,b" as a list: examples match their schema.</summary>
    private static JsonNode? Typed(string value, JsonSchemaType? type) => type switch
    {
        { } t when t.HasFlag(JsonSchemaType.Array) => new JsonArray(value.Split(',').Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
        { } t when t.HasFlag(JsonSchemaType.Integer) => JsonValue.Create(long.Parse(value, System.Globalization.CultureInfo.InvariantCulture)),
        { } t when t.HasFlag(JsonSchemaType.Number) => JsonValue.Create(double.Parse(value, System.Globalization.CultureInfo.InvariantCulture)),
        { } t when t.HasFlag(JsonSchemaType.Boolean) => JsonValue.Create(bool.Parse(value)),
        _ => JsonValue.Create(value),
    };
}
