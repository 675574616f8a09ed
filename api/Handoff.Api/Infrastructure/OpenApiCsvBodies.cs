using System.Text.Json.Nodes;
using Handoff.Api.Admin.Territories;
using Handoff.Api.Leads;
using Handoff.Api.Outcomes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Handoff.Api.Infrastructure;

/// <summary>
/// The CSV side of the import and export operations, which read and write their bodies by hand (so that a wrong
/// Content-Type gets a 415 that lists the accepted ones): <c>text/csv</c> with an example beside the JSON form.
/// </summary>
internal sealed class OpenApiCsvBodies : IOperationFilter
{
    /// <summary>docs/admin.md's row, for an RSM the demo has: a territory no other one lists by ZIP prefix.</summary>
    public const string TerritoryCsvExample =
        "id,version,name,countries,regions,postalPrefixes,radii,assignments,verticals,defaultProspectTimeZone\r\n" +
        ",,Northern Nevada,,,894;895,\"39.5296,-119.8138,60,Reno NV\",rsm.west@example.com:1,metals-recycling,America/Los_Angeles\r\n";

    public const string LeadCsvExample =
        "email,source,campaign,score,lifecycleStage,company,place,vertical\r\n" +
        "gm@kern-recycling.example,webinar,Scrap yard security,55,lead,Kern Recycling,\"Bakersfield, CA 93308\",metals-recycling\r\n";

    public const string OutcomeCsvExample =
        "key,outcome,newStart,newEnd,canceledBy,amount,currency,note\r\ndemo-acme-metals-0001,canceled,,,prospect,,,\r\n";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        switch (operation.OperationId)
        {
            case "ImportTerritories":
                var rows = context.SchemaGenerator.GenerateSchema(typeof(TerritoryRequest[]), context.SchemaRepository);
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = "CSV (one territory per row; lists separated by ';'; a radius is 'latitude,longitude,km[,label]'; an " +
                                  "assignment 'e-mail:priority') or JSON (the export's list). Rows match an existing territory by id, else by name.",
                    Content = new Dictionary<string, IOpenApiMediaType>
                    {
                        [TerritoryCsv.ContentType] = Csv(TerritoryCsvExample),
                        ["application/json"] = new OpenApiMediaType { Schema = rows, Example = JsonNode.Parse(TerritoryJsonExample) },
                    },
                };
                Enum(operation, "mode", "upsert", "replace");
                break;
            case "ExportTerritories":
                if (operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse response)
                {
                    response.Description = "Every territory, as CSV (the import's columns) or JSON (the list of GET bodies).";
                    response.Content ??= new Dictionary<string, IOpenApiMediaType>();
                    response.Content[TerritoryCsv.ContentType] = Csv(TerritoryCsvExample);
                    response.Content["application/json"] = new OpenApiMediaType
                    {
                        Schema = context.SchemaGenerator.GenerateSchema(typeof(TerritoryResponse[]), context.SchemaRepository),
                    };
                }
                Enum(operation, "format", "csv", "json");
                break;
            case "ImportLeads":
                operation.RequestBody = ImportBody(context, typeof(LeadImportItem[]), LeadCsvExample,
                    "CSV (one lead per row; custom.NAME columns become custom fields; 'activities' holds a JSON list) or JSON (a list). Rows match on e-mail.");
                break;
            case "ImportOutcomes":
                operation.RequestBody = ImportBody(context, typeof(OutcomeImportItem[]), OutcomeCsvExample,
                    "CSV (one outcome per row) or JSON (a list). Rows match on the handoff key.");
                break;
            case "Planner":
                Enum(operation, "format", "json", "csv");
                break;
        }
    }

    private const string TerritoryJsonExample = """
        [{ "name": "Northern Nevada", "rules": { "postalPrefixes": ["894", "895"] },
           "assignments": [{ "rsmEmail": "rsm.west@example.com", "priority": 1 }], "verticals": ["metals-recycling"],
           "defaultProspectTimeZone": "America/Los_Angeles" }]
        """;

    /// <summary>The body of an import that reads it by hand (<see cref="Handoff.Api.Infrastructure.ImportBody"/>): CSV or a JSON list.</summary>
    private static OpenApiRequestBody ImportBody(OperationFilterContext context, Type items, string csvExample, string description) => new()
    {
        Required = true,
        Description = description,
        Content = new Dictionary<string, IOpenApiMediaType>
        {
            ["application/json"] = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(items, context.SchemaRepository) },
            [TerritoryCsv.ContentType] = Csv(csvExample),
        },
    };

    private static OpenApiMediaType Csv(string example) => new()
    {
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "RFC 4180 CSV with a header row, UTF-8." },
        Example = JsonValue.Create(example),
    };

    private static void Enum(OpenApiOperation operation, string name, params string[] values)
    {
        if (operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == name) is { Schema: OpenApiSchema schema })
        {
            schema.Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
        }
    }
}
