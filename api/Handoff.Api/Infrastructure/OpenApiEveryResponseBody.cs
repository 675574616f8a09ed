using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Handoff.Api.Infrastructure;

/// <summary>
/// An operation that answers one status in two forms (the planner: JSON, or CSV with <c>format=csv</c>) declares both
/// with <c>.Produces</c>; API Explorer keeps only the last per status, so the JSON form went missing from the document
/// and from the add-in's generated types. Each declared content type gets its own schema back here.
/// </summary>
internal sealed class OpenApiEveryResponseBody : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var declared = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IProducesResponseTypeMetadata>()
            .Where(m => m.Type is not null && m.Type != typeof(void));
        foreach (var produces in declared)
        {
            if (operation.Responses?.TryGetValue(produces.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response) != true ||
                response is not OpenApiResponse { Content: { } content })
            {
                continue;
            }
            foreach (var type in produces.ContentTypes.Where(t => !content.ContainsKey(t)))
            {
                content[type] = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(produces.Type!, context.SchemaRepository) };
            }
        }
    }
}
