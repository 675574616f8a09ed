using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Handoff.Api.Infrastructure;

/// <summary>
/// Declares the error statuses each operation really answers, each as application/problem+json with its problem
/// type, from what the endpoint is: signed in (401, 403), taking input (400), taking a JSON body (415), addressing one
/// admin resource by id (404), writing with If-Match (409, 412, 428), creating (409). The API tests record every
/// status answered and fail on one the document does not declare (tests/Handoff.Api.Tests/Support/StatusRecorder.cs).
/// </summary>
internal sealed class OpenApiProblemResponses : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var api = context.ApiDescription;
        var method = api.HttpMethod?.ToUpperInvariant() ?? "GET";
        var path = "/" + (api.RelativePath ?? "").Split('?')[0].Trim('/');
        var metadata = api.ActionDescriptor.EndpointMetadata;
        var admin = path.StartsWith("/api/v1/admin/", StringComparison.Ordinal) && !path.StartsWith("/api/v1/admin/audit", StringComparison.Ordinal);
        var byId = System.Text.RegularExpressions.Regex.IsMatch(path, @"\{id(:[^}]*)?\}$");
        var import = path.EndsWith("/import", StringComparison.Ordinal);

        if (api.ParameterDescriptions.Count > 0 || operation.RequestBody is not null || import)
        {
            Add(operation, context, 400, "Bad input: `errors` names each field (JSON path) and what is wrong with it.", typeof(HttpValidationProblemDetails));
        }
        if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
        {
            Add(operation, context, 401, "No valid token (missing, expired, badly signed, wrong issuer or audience).");
            Add(operation, context, 403, "Signed in, but without the role this operation needs.");
        }
        if (operation.RequestBody is not null || import)
        {
            Add(operation, context, 415, "The body's Content-Type is not one this operation takes; `accepted` lists them.");
        }
        // RequestLimits refuses oversized headers on every route, before anything else runs.
        Add(operation, context, 431, "The request headers are larger than the server takes (32 KB).");
        if (admin && byId)
        {
            Add(operation, context, 404, "No resource has this id.");
        }
        if (admin && byId && method is "PUT" or "DELETE")
        {
            Add(operation, context, 409, method == "PUT"
                ? "Another RSM has this e-mail, or another territory this name."
                : "The RSM still covers territories (named in the detail): remove them or set `active: false`.");
            Add(operation, context, 412, "If-Match names an older version: read again, re-apply, retry. `currentVersion` is the version now.");
            Add(operation, context, 428, "If-Match is missing: send the ETag you read (\"3\" or 3).");
        }
        if (!admin && method is "PUT" or "DELETE" && path.EndsWith('}'))
        {
            // Other resources written by key (a handoff) take If-Match the same way when they change.
            Add(operation, context, 412, "If-Match names an older version: read again and retry with the current ETag.");
            Add(operation, context, 428, "If-Match is missing where the write would change a stored record.");
        }
        if (admin && !byId && method == "PUT")
        {
            // Singleton settings (handoff settings) are written with If-Match like any admin resource.
            Add(operation, context, 412, "If-Match names an older version: read again, re-apply, retry.");
            Add(operation, context, 428, "If-Match is missing: send the ETag you read.");
        }
        if (!admin && method == "GET" && path.Contains('{'))
        {
            Add(operation, context, 404, "Nothing is recorded under this key, or it is not yours to see.");
        }
        if (method == "GET" && api.ParameterDescriptions.Any(p => p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Query))
        {
            Add(operation, context, 414, "The URL is longer than the server takes (8 KB).");
        }
        if (admin && !byId && method == "POST" && !import)
        {
            Add(operation, context, 409, "Another RSM has this e-mail, or another territory this name.");
        }
        if (import)
        {
            Add(operation, context, 409, "Two rows, or a row and a stored territory, would share a name.");
            Add(operation, context, 412, "A row's version is no longer current: nothing was imported.");
        }
    }

    private static void Add(OpenApiOperation operation, OperationFilterContext context, int status, string description, Type? problem = null)
    {
        operation.Responses ??= new OpenApiResponses();
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses.ContainsKey(key))
        {
            return;
        }
        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                ["application/problem+json"] = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(problem ?? typeof(ProblemDetails), context.SchemaRepository) },
            },
        };
    }
}
