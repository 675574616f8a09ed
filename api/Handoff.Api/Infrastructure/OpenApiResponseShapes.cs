using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Handoff.Api.Infrastructure;

/// <summary>
/// Says which properties of an answer are always there. The JSON options leave out nulls
/// (<see cref="JsonSetup"/>), so a property is in every answer exactly when its type cannot be null: those become
/// <c>required</c> in the schemas that only answers use; nullable ones stay optional. Clients generated from the
/// document (the add-in's <c>openapi-typescript</c> types) then need no hand-kept copy. Request schemas are left to
/// the validators (<see cref="OpenApiValidationRules"/>): what a client must send is their rule, not the type's.
/// </summary>
internal static class OpenApiResponseShapes
{
    // Schema instance → the properties its CLR type always writes. Filled by the schema filter, read by the document
    // filter, which alone knows whether a schema is reached from answers, requests or both.
    private static readonly ConditionalWeakTable<OpenApiSchema, string[]> AlwaysWritten = new();

    public static void AddResponseShapes(this SwaggerGenOptions options)
    {
        options.SchemaFilter<NonNullableProperties>();
        options.DocumentFilter<RequiredInAnswers>();
    }

    private sealed class NonNullableProperties : ISchemaFilter
    {
        private readonly NullabilityInfoContext nullability = new();

        public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
        {
            if (schema is not OpenApiSchema target || target.Properties is not { Count: > 0 } properties || context.Type.IsEnum)
            {
                return;
            }
            var members = context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => properties.ContainsKey(JsonName(p))).ToArray();
            foreach (var member in members)
            {
                if (properties[JsonName(member)] is OpenApiSchemaReference reference && AlwaysInJson(member) && CanBeNull(member))
                {
                    // Written as null (JsonIgnore Never): 3.0 has no nullable beside $ref, so "this object or null".
                    properties[JsonName(member)] = OrNull(reference);
                }
                // A closed list of strings in an answer ("Demo", "LocalJwt", "Entra") is an enum, as in requests.
                if (member.GetCustomAttribute<AllowedValuesAttribute>() is { } allowed &&
                    properties[JsonName(member)] is OpenApiSchema { Enum: null or { Count: 0 } } own)
                {
                    own.Enum = allowed.Values.Select(v => (JsonNode)JsonValue.Create(Convert.ToString(v, CultureInfo.InvariantCulture))!).ToList();
                }
            }
            AlwaysWritten.AddOrUpdate(target, members.Where(AlwaysInJson).Select(JsonName).ToArray());
        }

        /// <summary>oneOf the object or a null-only schema (3.0.3's "nullable with enum [null]"); Redocly-clean.</summary>
        private static OpenApiSchema OrNull(OpenApiSchemaReference reference) => new()
        {
            Description = reference.Description,
            OneOf = [reference, new OpenApiSchema { Type = JsonSchemaType.Object | JsonSchemaType.Null, Enum = [null!] }],
        };

        private bool AlwaysInJson(PropertyInfo property) =>
            property.GetCustomAttribute<JsonIgnoreAttribute>()?.Condition switch
            {
                null => !CanBeNull(property),
                JsonIgnoreCondition.Never => true, // written as null when null
                _ => false,
            };

        private bool CanBeNull(PropertyInfo property)
        {
            if (property.PropertyType.IsValueType)
            {
                return Nullable.GetUnderlyingType(property.PropertyType) is not null;
            }
            lock (nullability)
            {
                return nullability.Create(property).ReadState != NullabilityState.NotNull;
            }
        }

        private static string JsonName(PropertyInfo p) =>
            p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name);
    }

    private sealed class RequiredInAnswers : IDocumentFilter
    {
        public void Apply(OpenApiDocument document, DocumentFilterContext context)
        {
            var schemas = document.Components?.Schemas;
            if (schemas is null)
            {
                return;
            }
            var operations = document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []).ToArray();
            var answers = Reached(schemas, operations.SelectMany(o => (o.Responses ?? [])
                .Where(r => r.Key.StartsWith('2')).SelectMany(r => r.Value.Content?.Values.AsEnumerable() ?? []).Select(c => c.Schema)));
            var requests = Reached(schemas, operations.SelectMany(o =>
                (o.RequestBody?.Content?.Values.Select(c => c.Schema) ?? []).Concat(o.Parameters?.Select(p => p.Schema) ?? [])));
            foreach (var id in answers.Except(requests))
            {
                if (schemas[id] is OpenApiSchema schema && AlwaysWritten.TryGetValue(schema, out var always) && always.Length > 0)
                {
                    schema.Required ??= new HashSet<string>();
                    schema.Required.UnionWith(always);
                }
            }
        }

        /// <summary>The component ids reachable from the given schemas through $refs, items and properties.</summary>
        private static HashSet<string> Reached(IDictionary<string, IOpenApiSchema> schemas, IEnumerable<IOpenApiSchema?> roots)
        {
            var seen = new HashSet<string>();
            var pending = new Stack<IOpenApiSchema>(roots.OfType<IOpenApiSchema>());
            while (pending.TryPop(out var schema))
            {
                if (schema is OpenApiSchemaReference reference)
                {
                    var id = reference.Reference.Id;
                    if (id is not null && seen.Add(id) && schemas.TryGetValue(id, out var target))
                    {
                        pending.Push(target);
                    }
                    continue;
                }
                foreach (var next in Children(schema))
                {
                    pending.Push(next);
                }
            }
            return seen;
        }

        private static IEnumerable<IOpenApiSchema> Children(IOpenApiSchema schema) =>
            new[] { schema.Items, schema.AdditionalProperties, schema.Not }.OfType<IOpenApiSchema>()
                .Concat(schema.Properties?.Values ?? [])
                .Concat(schema.AllOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.OneOf ?? []);
    }
}
