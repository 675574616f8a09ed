using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Handoff.Api.Admin.Common;
using Handoff.Api.Demo;
using Handoff.Api.FieldIntel;
using Handoff.Api.Handoffs;
using Handoff.Api.Storage;
using Handoff.Api.Tests.Support;
using Handoff.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Handoff.Api.Tests.Docs;

/// <summary>
/// Swagger's "Try it out" on the embedded demo: each operation's shown example (path, query and header values, the
/// body in each of its content types) sent as is to a freshly seeded demo store answers a 2xx; and each property the
/// document calls required really is: leaving it out of the example is a 400 naming it.
/// </summary>
public sealed class SwaggerExamplesTests() : ApiTest(DatabaseProvider.Sqlite)
{
    /// <summary>Every demo RSM covers a territory, so deleting one is refused, with the territories named.</summary>
    private static readonly Dictionary<string, HttpStatusCode> NotTwoHundred = new() { ["DeleteRsm"] = HttpStatusCode.Conflict };

    /// <summary>Reading a handoff needs one recorded first: the test does what a newcomer does, RecordHandoff's example.</summary>
    private static readonly Dictionary<string, string> After = new() { ["GetHandoff"] = "RecordHandoff", ["ListHandoffDeliveries"] = "RecordHandoff" };

    /// <summary>The writes, each on a freshly seeded store (reads share one: they change nothing).</summary>
    private static IEnumerable<string> Writes => DemoExamples.All.Keys.Where(k => !Reads.Contains(k)).Order();

    private static readonly HashSet<string> Reads = DemoExamples.All.Keys
        .Where(k => k.StartsWith("Get", StringComparison.Ordinal) || k.StartsWith("List", StringComparison.Ordinal) ||
                    k is "ExportTerritories" or "FieldPlanAccuracy" or "DownTheStreet" or "Planner" or "CheckMeeting" or "SuggestMeetingTimes")
        .ToHashSet();

    private JsonNode? _document;

    [SetUp]
    public async Task SeedTheDemoAsync()
    {
        using var scope = App.Services.CreateScope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        await using (var db = Db.OpenContext())
        {
            Assert.That(await DemoSeed.SeedIfNeverUsedAsync(db, audit, CancellationToken.None), Is.True);
            Assert.That(await FieldIntelSeed.SeedIfMissingAsync(db, audit, CancellationToken.None), Is.Not.Null);
            Assert.That(await DemoBatonSeed.SeedIfEmptyAsync(db, audit, CancellationToken.None), Is.True);
        }
        await App.Services.GetRequiredService<StoreOrgDirectory>().RefreshAsync(CancellationToken.None);
        await App.Services.GetRequiredService<StoreFieldIntel>().RefreshAsync(CancellationToken.None);
        _document ??= JsonNode.Parse(await Client.GetStringAsync("/swagger/v1/swagger.json"));
    }

    [Test]
    public void Every_operation_that_takes_input_shows_an_example()
    {
        var missing = AllOperations().Where(o => (o.Operation["requestBody"] is not null ||
                                                  o.Operation["parameters"]?.AsArray().Any(p => p!["required"]?.GetValue<bool>() == true) == true) &&
                                                 !DemoExamples.All.ContainsKey(o.Id)).Select(o => o.Id);
        Assert.That(missing, Is.Empty);
        Assert.That(AllOperations().Where(o => o.Operation["requestBody"]?["content"]?.AsObject().Any(c => c.Value!["example"] is null) == true).Select(o => o.Id), Is.Empty);
    }

    [Test]
    public async Task Try_it_out_with_the_shown_examples_of_the_reads_answers_2xx()
    {
        Assert.That(Reads, Has.Count.GreaterThan(20));
        foreach (var operationId in Reads.Order())
        {
            await TryItOutAsync(operationId);
        }
    }

    [TestCaseSource(nameof(Writes))]
    public Task Try_it_out_with_the_shown_example_answers_2xx(string operationId) => TryItOutAsync(operationId);

    private async Task TryItOutAsync(string operationId)
    {
        if (After.TryGetValue(operationId, out var first))
        {
            foreach (var r in await SendExampleAsync(first))
            {
                Assert.That((int)r.StatusCode, Is.InRange(200, 299), $"{first}: {await r.Content.ReadAsStringAsync()}");
            }
        }
        foreach (var response in await SendExampleAsync(operationId))
        {
            var body = await response.Content.ReadAsStringAsync();
            if (NotTwoHundred.TryGetValue(operationId, out var expected))
            {
                Assert.That(response.StatusCode, Is.EqualTo(expected), body);
            }
            else
            {
                Assert.That((int)response.StatusCode, Is.InRange(200, 299), $"{operationId} ({response.Content.Headers.ContentType}): {body}");
            }
        }
    }

    [Test]
    public async Task Each_required_property_left_out_of_an_example_is_a_400_naming_it()
    {
        var checkedBodies = 0;
        foreach (var operationId in DemoExamples.All.Keys.Order())
        {
            var (method, path, operation) = Find(operationId);
            if (operation["requestBody"]?["content"]?["application/json"] is not { } media || media["example"] is not JsonObject example)
            {
                continue;
            }
            // Validation runs before anything is written, so these refused requests leave the store as seeded.
            foreach (var name in Resolve(media["schema"]!)["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
            {
                var without = example.DeepClone().AsObject();
                Assert.That(without.Remove(name), Is.True, $"the example of {operationId} leaves out required '{name}'");
                var response = await Client.SendAsync(Request(method, path, operation, new StringContent(without.ToJsonString(), Encoding.UTF8, "application/json")));
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), $"{operationId} without '{name}'");
                var errors = await response.ErrorsAsync();
                Assert.That(errors.Keys, Has.Some.StartsWith(name), $"{operationId} without '{name}': {string.Join("; ", errors.Keys)}");
                checkedBodies++;
            }
        }
        Assert.That(checkedBodies, Is.GreaterThan(20), "required properties checked");
    }

    private async Task<List<HttpResponseMessage>> SendExampleAsync(string operationId)
    {
        var (method, path, operation) = Find(operationId);
        var contents = operation["requestBody"]?["content"]?.AsObject().ToList() ?? [];
        if (contents.Count == 0)
        {
            return [await Client.SendAsync(Request(method, path, operation, null))];
        }
        var responses = new List<HttpResponseMessage>();
        foreach (var (type, media) in contents)
        {
            var example = media!["example"]!;
            var text = type == "text/csv" ? example.GetValue<string>() : example.ToJsonString();
            responses.Add(await Client.SendAsync(Request(method, path, operation, new StringContent(text, Encoding.UTF8, type))));
        }
        return responses;
    }

    private static HttpRequestMessage Request(string method, string path, JsonNode operation, HttpContent? body)
    {
        var query = new List<string>();
        var headers = new Dictionary<string, string>();
        foreach (var p in operation["parameters"]?.AsArray() ?? [])
        {
            if (p!["example"] is not { } example)
            {
                continue;
            }
            var values = example is JsonArray list ? list.Select(v => v!.ToString()).ToList() : [example.ToString()];
            var name = p["name"]!.GetValue<string>();
            switch (p["in"]!.GetValue<string>())
            {
                case "path": path = path.Replace("{" + name + "}", Uri.EscapeDataString(values[0]), StringComparison.Ordinal); break;
                case "query": query.AddRange(values.Select(v => $"{name}={Uri.EscapeDataString(v)}")); break;
                case "header": headers[name] = values[0]; break;
            }
        }
        Assert.That(path, Does.Not.Contain("{"), "a path parameter without an example");
        var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), query.Count == 0 ? path : $"{path}?{string.Join('&', query)}") { Content = body };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
    }

    private (string Method, string Path, JsonNode Operation) Find(string operationId) =>
        AllOperations().Select(o => (o.Method, o.Path, o.Operation, o.Id)).Single(o => o.Id == operationId) is var (m, p, op, _) ? (m, p, op) : default;

    private IEnumerable<(string Method, string Path, JsonNode Operation, string Id)> AllOperations() =>
        _document!["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Select(op => (op.Key, path.Key, op.Value!, op.Value!["operationId"]?.GetValue<string>() ?? $"{op.Key} {path.Key}")));

    private JsonNode Resolve(JsonNode schema) =>
        schema["$ref"]?.GetValue<string>() is { } reference ? _document!["components"]!["schemas"]![reference.Split('/')[^1]]! : schema;
}
