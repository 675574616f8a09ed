using System.Text.Json.Nodes;
using Handoff.Api.Tests.Support;

namespace Handoff.Api.Tests.Docs;

/// <summary>The check every API test's teardown runs: a status answered but not declared for that operation is named.</summary>
public sealed class StatusRecorderTests
{
    private static readonly JsonNode Document = JsonNode.Parse("""
        { "paths": { "/api/v1/admin/rsms/{id}": { "put": { "responses": { "200": {}, "4XX": {} } }, "get": { "responses": { "200": {} } } } } }
        """)!;

    [Test]
    public void An_undeclared_status_is_named_and_declared_or_ranged_ones_pass()
    {
        var seen = new[]
        {
            ("PUT", StatusRecorder.OpenApiPath("api/v1/admin/rsms/{id:guid}"), 200),
            ("PUT", "/api/v1/admin/rsms/{id}", 412),
            ("GET", "/api/v1/admin/rsms/{id}", 404),
            ("GET", "/api/v1/admin/rsms/{id}", 404),
            ("DELETE", "/api/v1/admin/rsms/{id}", 204),
        };
        Assert.That(StatusRecorder.Undeclared(Document, seen), Is.EqualTo(new[]
        {
            "GET /api/v1/admin/rsms/{id} answered 404",
            "DELETE /api/v1/admin/rsms/{id} answered 204",
        }));
    }
}
