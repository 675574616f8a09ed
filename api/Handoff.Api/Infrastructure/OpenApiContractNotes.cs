using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Handoff.Api.Infrastructure;

/// <summary>
/// Each operation's description says the parts of the contract its kind shares (docs/admin.md): paging, ETags and
/// If-Match, what a PUT replaces, what a create answers, one validation pass, territory overlaps.
/// </summary>
internal sealed partial class OpenApiContractNotes : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var api = context.ApiDescription;
        var method = api.HttpMethod?.ToUpperInvariant() ?? "GET";
        var path = "/" + (api.RelativePath ?? "").Split('?')[0].Trim('/');
        var names = (operation.Parameters ?? []).Select(p => p.Name).ToHashSet();
        // The ETag and replace rules below are the admin resources' (docs/admin.md); leads and handoffs say their own.
        var ifMatch = names.Contains("If-Match") && path.StartsWith("/api/v1/admin/", StringComparison.Ordinal);
        var notes = new List<string>();
        if (operation.Description is { Length: > 0 } existing)
        {
            notes.Add(existing);
        }
        if (method == "GET" && names.Contains("page") && names.Contains("pageSize"))
        {
            notes.Add("Paged: `page` from 1, `pageSize` 1–500 (default 50); the answer is `{ items, page, pageSize, total }`.");
        }
        if (method == "GET" && ById().IsMatch(path) && path.StartsWith("/api/v1/admin/", StringComparison.Ordinal))
        {
            notes.Add("The body's `version` is also the `ETag` header (`\"3\"`): send it back as `If-Match` to change or delete.");
        }
        if (method == "PUT" && ifMatch)
        {
            notes.Add("Replaces the whole resource: omitted optional fields are cleared. `If-Match` carries the version you read " +
                      "(`\"3\"` or `3`; compared strongly as RFC 9110 says, so `W/\"3\"` never matches); a PUT that changes nothing keeps the version.");
        }
        if (method == "DELETE" && ifMatch)
        {
            notes.Add("`If-Match` carries the version you read (`\"3\"` or `3`).");
        }
        if (method == "POST" && operation.Responses?.ContainsKey("201") == true)
        {
            notes.Add("Answers 201 with the created resource, its `Location` and `ETag`.");
        }
        if (operation.RequestBody is not null && ReferenceChecked().IsMatch(path))
        {
            notes.Add("A 400 lists every problem at once: the shape of each field and what it refers to (an RSM by e-mail, a place by its text).");
        }
        if (path.StartsWith("/api/v1/admin/territories", StringComparison.Ordinal) && method is "POST" or "PUT")
        {
            notes.Add("The answer's `overlaps` says where the written territories cover places others cover too, and which one gets them " +
                      "(a postal prefix beats a radius, a region, a country; then the request's vertical, the owner's priority, the name).");
        }
        if (notes.Count > 0)
        {
            operation.Description = string.Join("\n\n", notes);
        }
    }

    /// <summary>The writes whose references are checked with their shape (Admin/Common/AdminReferenceRules.cs).</summary>
    [GeneratedRegex(@"^/api/v1/(admin/(rsms|territories|field-plans)|field-reports)(/|$)")]
    private static partial Regex ReferenceChecked();

    [GeneratedRegex(@"\{id(:[^}]*)?\}$")]
    private static partial Regex ById();
}
