using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Handoff.Api.Outcomes;

/// <summary>The outcome import's CSV body: an example beside the JSON one (the import reads its body by hand).</summary>
internal sealed class OutcomeOpenApi : IOperationFilter
{
    public const string CsvExample = "key,outcome,newStart,newEnd,canceledBy,amount,currency,note\r\ndemo-acme-metals-0001,canceled,,,prospect,,,\r\n";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.OperationId == "ImportOutcomes" && operation.RequestBody is OpenApiRequestBody { Content: { } content } body)
        {
            body.Required = true;
            content["text/csv"] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "RFC 4180 CSV with a header row, UTF-8." },
                Example = JsonValue.Create(CsvExample),
            };
        }
    }
}
