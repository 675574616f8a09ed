using Microsoft.OpenApi;

namespace Handoff.Api.Infrastructure;

/// <summary>
/// The OpenAPI document tells the whole contract: descriptions from the XML docs, what the validators enforce
/// (required, formats, ranges, enums), an example per operation that works on the demo, every error status with its
/// problem type, CSV bodies as text/csv. tools/test.d/openapi.sh lints it with Redocly's recommended rules.
/// </summary>
public static class OpenApiSetup
{
    public static IServiceCollection AddHandoffOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSingleton<IReadOnlyDictionary<string, OperationExample>>(Demo.DemoExamples.All);
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Handoff API",
                Version = "v1",
                Description = "Checks the meetings SDRs book for RSMs (time zones, calendars, travel, territories) and keeps the org " +
                              "directory the checks rely on. Errors are `application/problem+json`; `errors` names each field. " +
                              "The examples work on the embedded demo org (`dotnet run --project api/Handoff.Api`).",
                License = new OpenApiLicense { Name = "Proprietary (all rights reserved)" },
            });
            o.IncludeXmlComments(typeof(Program).Assembly);
            o.SupportNonNullableReferenceTypes();
            o.SchemaFilter<OpenApiValidationRules>();
            o.AddResponseShapes(); // required = always in the answer, for clients generated from this document
            o.OperationFilter<OpenApiProblemResponses>();
            o.OperationFilter<OpenApiCsvBodies>();
            o.OperationFilter<OpenApiEveryResponseBody>();
            o.OperationFilter<OpenApiContractNotes>();
            o.OperationFilter<OpenApiExamples>();
            o.DocumentFilter<OpenApiTags>();
        });
        return services;
    }

    private const string LicencePath = "/swagger/licence.txt";
    private const string Licence = "Handoff is proprietary software. All rights reserved; this API description grants no licence.\n";

    public static WebApplication UseHandoffOpenApi(this WebApplication app)
    {
        // The server is the instance that served the document, so "Try it out" calls it (behind a proxy: its PathBase).
        app.UseSwagger(o => o.PreSerializeFilters.Add((document, request) =>
        {
            var self = $"{request.Scheme}://{request.Host}{request.PathBase}";
            document.Servers = [new OpenApiServer { Url = self, Description = "This Handoff instance" }];
            document.Info.License!.Url = new Uri($"{self}{LicencePath}");
        }));
        // The project grants no licence; the document's licence link says so rather than point nowhere.
        app.MapGet(LicencePath, () => TypedResults.Text(Licence, "text/plain; charset=utf-8")).ExcludeFromDescription().AllowAnonymous();
        app.UseSwaggerUI(o =>
        {
            o.DocumentTitle = "Handoff API";
            o.HeadContent = SwaggerUiContrast.Style;
        });
        return app;
    }
}
