using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Handoff.Api.Tests.Support;

/// <summary>
/// Every (operation, status) the API answers during the tests, recorded by a middleware in front of the real pipeline,
/// so a test can fail when an operation returns a status its OpenAPI document does not declare.
/// </summary>
public sealed partial class StatusRecorder
{
    private readonly ConcurrentQueue<(string Method, string Path, int Status)> _seen = new();

    public void Record(string method, string path, int status) => _seen.Enqueue((method, path, status));

    /// <summary>What was answered since the last call, and forgets it.</summary>
    public IReadOnlyList<(string Method, string Path, int Status)> Drain()
    {
        var all = new List<(string, string, int)>();
        while (_seen.TryDequeue(out var item))
        {
            all.Add(item);
        }
        return all;
    }

    /// <summary>The statuses answered that the document does not declare for that operation, one line each.</summary>
    public static IEnumerable<string> Undeclared(JsonNode document, IEnumerable<(string Method, string Path, int Status)> seen) =>
        seen.Distinct()
            .Where(s => document["paths"]?[s.Path]?[s.Method.ToLowerInvariant()]?["responses"] is not JsonObject responses ||
                        (!responses.ContainsKey(s.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)) &&
                         !responses.ContainsKey($"{s.Status / 100}XX") && !responses.ContainsKey("default")))
            .Select(s => $"{s.Method} {s.Path} answered {s.Status}");

    /// <summary>"/api/v1/admin/rsms/{id:guid}" → "/api/v1/admin/rsms/{id}", as OpenAPI writes the path.</summary>
    public static string OpenApiPath(string routePattern) => "/" + Constraint().Replace(routePattern.Trim('/'), "{$1}");

    [GeneratedRegex(@"\{\*?([^}:=?]+)[^}]*\}")]
    private static partial Regex Constraint();
}

internal sealed class RecordStatusesStartupFilter(StatusRecorder recorder) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, inner) =>
        {
            await inner(context);
            if (context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } pattern } && pattern.TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            {
                recorder.Record(context.Request.Method, StatusRecorder.OpenApiPath(pattern), context.Response.StatusCode);
            }
        });
        next(app);
    };
}
