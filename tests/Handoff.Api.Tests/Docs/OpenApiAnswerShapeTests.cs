using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Handoff.Api.Tests.Docs;

/// <summary>
/// The add-in's types are generated from the OpenAPI document (openapi-typescript), so the document must say which
/// properties of an answer are always there (required) and which may be null. Checked against the schemas and
/// against real answers: every property a schema calls required is in the JSON the API sends.
/// </summary>
public class OpenApiAnswerShapeTests
{
    private HandoffApiFactory _factory = null!;
    private HttpClient _client = null!;
    private JsonNode _document = null!;

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        _factory = new HandoffApiFactory();
        _client = _factory.CreateClient();
        _document = JsonNode.Parse(await _client.GetStringAsync("/swagger/v1/swagger.json"))!;
    }

    [OneTimeTearDown]
    public void TearDown()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private JsonNode Schema(string id) => _document["components"]!["schemas"]![id]!;

    private string[] Required(string id) => Schema(id)["required"]?.AsArray().Select(n => n!.GetValue<string>()).Order().ToArray() ?? [];

    [Test]
    public void Answers_RequireWhatTheyAlwaysWrite_AndLeaveNullablesOptional()
    {
        Assert.That(Required("CheckResponse"), Is.EqualTo(new[] { "prospect", "rsms", "times", "verdict", "warnings" }));
        Assert.That(Required("PartyTimeDto"), Does.Not.Contain("email").And.Contains("localStart").And.Contains("timeZoneName"));
        Assert.That(Schema("PartyTimeDto")["properties"]!["email"]!["nullable"]!.GetValue<bool>(), Is.True);
        Assert.That(Required("ProspectDto"), Is.EqualTo(new[] { "assumed", "source" }), "value types are always written, nullable strings are not");
        Assert.That(Schema("CheckResponse")["properties"]!["calendarAccess"]!["$ref"]!.GetValue<string>(),
            Is.EqualTo("#/components/schemas/CalendarAccessDto"), "left out when null, so optional and never null");
    }

    [Test]
    public void ClientConfig_NamesItsModes_AndAlwaysWritesItsNulls()
    {
        Assert.That(Schema("ClientConfig")["properties"]!["authMode"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()),
            Is.EqualTo(new[] { "Demo", "LocalJwt", "Entra" }));
        Assert.That(Required("ClientConfig"), Is.EqualTo(new[] { "apiBaseUrl", "authMode", "entra" }), "[JsonIgnore(Never)] writes null");
        var entra = Schema("ClientConfig")["properties"]!["entra"]!["oneOf"]!.AsArray();
        Assert.That(entra[0]!["$ref"]!.GetValue<string>(), Is.EqualTo("#/components/schemas/EntraClientConfig"));
        Assert.That(entra[1]!["nullable"]!.GetValue<bool>(), Is.True, "always written, null outside Entra mode");
        Assert.That(entra[1]!["enum"]!.AsArray().Single(), Is.Null);
        Assert.That(Required("EntraClientConfig"), Is.EqualTo(new[] { "apiScope", "clientId", "tenantId" }));
    }

    [Test]
    public void Requests_KeepTheirValidatorsRequiredOnly()
    {
        Assert.That(Required("CheckRequest"), Is.EqualTo(new[] { "attendees", "end", "organizerTimeZone", "start" }));
        Assert.That(Required("HandoffNotesDto"), Is.Empty);
        // Bodies read at the edge are described by their parse: the requests that extend the check say so too.
        foreach (var request in new[] { "CheckRequest", "SuggestionsRequest", "HandoffRequest" })
        {
            Assert.That(Required(request), Is.SupersetOf(new[] { "attendees", "end", "organizerTimeZone", "start" }), request);
            var properties = Schema(request)["properties"]!;
            Assert.That(properties["attendees"]!["items"]!["format"]!.GetValue<string>(), Is.EqualTo("email"), request);
            Assert.That(properties["organizerEmail"]!["format"]!.GetValue<string>(), Is.EqualTo("email"), request);
            Assert.That(properties["start"]!["type"]!.GetValue<string>(), Is.EqualTo("string"), "still text on the wire");
            Assert.That(properties["start"]!["format"]!.GetValue<string>(), Is.EqualTo("date-time"), request);
        }
        Assert.That(Schema("SuggestionsRequest")["properties"]!["businessDays"]!["maximum"]!.GetValue<int>(), Is.EqualTo(20), "ranges come from the parsed type's validator");
        Assert.That(Required("OutcomeRequest"), Is.EqualTo(new[] { "outcome" }), "the parse refuses an outcome without one");
        Assert.That(Schema("OutcomeRequest")["properties"]!.AsObject().Select(p => p.Key), Does.Not.Contain("kind"), "what the parse derives is not part of the body");
    }

    [Test]
    public async Task RealAnswers_CarryEveryRequiredProperty()
    {
        var check = new
        {
            start = "2026-12-03T15:00:00Z", end = "2026-12-03T16:00:00Z", organizerTimeZone = "Eastern Standard Time",
            attendees = new[] { "rsm.west@example.com", "cfo@acme-metals.example" }, location = "Acme Metals, Fresno, CA 93706",
        };
        var answers = new (string Schema, JsonNode Json)[]
        {
            ("CheckResponse", await PostAsync("/api/v1/meetings/check", check)),
            ("SuggestionsResponse", await PostAsync("/api/v1/meetings/suggestions", check)),
            ("ClientConfig", JsonNode.Parse(await _client.GetStringAsync("/api/v1/client-config"))!),
        };
        foreach (var (schema, json) in answers)
        {
            var missing = new List<string>();
            Walk(new JsonObject { ["$ref"] = $"#/components/schemas/{schema}" }, json, schema, missing);
            Assert.That(missing, Is.Empty, $"{schema}: required in the document, absent from a real answer");
        }
        Assert.That(answers[0].Json["suggestions"]?.AsArray(), Is.Not.Empty, "the blocked check carries suggestions, so they were walked too");
    }

    private async Task<JsonNode> PostAsync(string path, object body)
    {
        using var response = await _client.PostAsJsonAsync(path, body);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private void Walk(JsonNode schema, JsonNode? value, string at, List<string> missing)
    {
        if (schema["$ref"] is { } reference)
        {
            Walk(Schema(reference.GetValue<string>().Split('/')[^1]), value, at, missing);
            return;
        }
        foreach (var part in schema["allOf"]?.AsArray() ?? [])
        {
            Walk(part!, value, at, missing);
        }
        if (value is JsonArray array && schema["items"] is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Walk(items, array[i], $"{at}[{i}]", missing);
            }
        }
        if (value is not JsonObject obj)
        {
            return;
        }
        missing.AddRange((schema["required"]?.AsArray() ?? []).Select(n => n!.GetValue<string>()).Where(n => !obj.ContainsKey(n)).Select(n => $"{at}.{n}"));
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            if (obj[name] is { } child)
            {
                Walk(property!, child, $"{at}.{name}", missing);
            }
        }
    }
}
