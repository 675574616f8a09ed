using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Handoff.Api.Tests;

public class CheckApiTests
{
    private HandoffApiFactory _factory = null!;
    private HttpClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _factory = new HandoffApiFactory();
        _client = _factory.CreateClient();
    }

    [TearDown]
    public void TearDown()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private static object NewYorkToFresno(string start = "2026-12-03T15:00:00Z", string end = "2026-12-03T16:00:00Z") => new
    {
        start,
        end,
        organizerTimeZone = "Eastern Standard Time",
        attendees = new[] { "rsm.west@example.com", "cfo@acme-metals.example" },
        location = "Acme Metals, Fresno, CA 93706",
        prospectTimeZone = "America/Los_Angeles",
    };

    private async Task<JsonNode> PostCheck(object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await _client.PostAsJsonAsync("/api/v1/meetings/check", body);
        Assert.That(response.StatusCode, Is.EqualTo(expected), await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Test]
    public async Task Check_NewYorkToFresno_ReturnsTheContract()
    {
        var json = await PostCheck(NewYorkToFresno());

        Assert.That(json["verdict"]!.GetValue<string>(), Is.EqualTo("blocked"), "the demo RSM has a plant visit on Thursday mornings");
        var prospect = json["times"]!.AsArray().Single(t => t!["party"]!.GetValue<string>() == "prospect")!;
        Assert.That(prospect["email"]!.GetValue<string>(), Is.EqualTo("cfo@acme-metals.example"));
        Assert.That(prospect["timeZone"]!.GetValue<string>(), Is.EqualTo("America/Los_Angeles"));
        Assert.That(prospect["localStart"]!.GetValue<string>(), Is.EqualTo("2026-12-03T07:00:00"));
        Assert.That(prospect["localEnd"]!.GetValue<string>(), Is.EqualTo("2026-12-03T08:00:00"));
        Assert.That(prospect["utcOffset"]!.GetValue<string>(), Is.EqualTo("-08:00"));
        var organizer = json["times"]!.AsArray().Single(t => t!["party"]!.GetValue<string>() == "organizer")!;
        Assert.That(organizer["timeZone"]!.GetValue<string>(), Is.EqualTo("America/New_York"));
        Assert.That(organizer["localStart"]!.GetValue<string>(), Is.EqualTo("2026-12-03T10:00:00"));

        var warning = json["warnings"]!.AsArray().Single(w => w!["code"]!.GetValue<string>() == "PROSPECT_OUTSIDE_BUSINESS_HOURS")!;
        Assert.That(warning["severity"]!.GetValue<string>(), Is.EqualTo("warning"));
        Assert.That(warning["party"]!.GetValue<string>(), Is.EqualTo("prospect"));
        Assert.That(warning["message"]!.GetValue<string>(), Does.StartWith("10:00 AM your time is 7:00 AM Thursday for the prospect"));

        var busy = json["warnings"]!.AsArray().Single(w => w!["code"]!.GetValue<string>() == "RSM_BUSY")!;
        Assert.That(busy["severity"]!.GetValue<string>(), Is.EqualTo("blocker"));
        Assert.That(busy["email"]!.GetValue<string>(), Is.EqualTo("rsm.west@example.com"));

        var rsm = json["rsms"]!.AsArray().Single()!;
        Assert.That((rsm["email"]!.GetValue<string>(), rsm["name"]!.GetValue<string>(), rsm["timeZone"]!.GetValue<string>()),
            Is.EqualTo(("rsm.west@example.com", "Dana Ruiz", "America/Los_Angeles")));
    }

    [Test]
    public async Task Check_AFreeSlotInEveryonesHours_IsOk()
    {
        // Thursday 1:00 PM Eastern = 10:00 AM Pacific for a New York RSM with a New York prospect: nothing in the way.
        var json = await PostCheck(new
        {
            start = "2026-12-03T18:00:00Z",
            end = "2026-12-03T18:30:00Z",
            organizerTimeZone = "America/New_York",
            organizerEmail = "sdr@example.com",
            attendees = new[] { "rsm.east@example.com", "buyer@harbor-packaging.example", "colleague@example.com" },
            prospectTimeZone = "Eastern Standard Time",
        });

        Assert.That(json["verdict"]!.GetValue<string>(), Is.EqualTo("ok"), json.ToJsonString());
        Assert.That(json["warnings"]!.AsArray(), Is.Empty);
        Assert.That(json["times"]!.AsArray().Select(t => t!["party"]!.GetValue<string>()), Is.EqualTo(new[] { "organizer", "prospect", "rsm" }));
    }

    [Test]
    public async Task Check_OffsetInstantsAndMillisecondsAreAccepted()
    {
        var json = await PostCheck(NewYorkToFresno("2026-12-03T10:00:00.000-05:00", "2026-12-03T16:00:00.000Z"));

        Assert.That(json["times"]![0]!["localStart"]!.GetValue<string>(), Is.EqualTo("2026-12-03T10:00:00"));
    }

    public static IEnumerable<TestCaseData> InvalidRequests()
    {
        object Body(string? start = "2026-12-03T15:00:00Z", string? end = "2026-12-03T16:00:00Z", string? zone = "Eastern Standard Time",
            string[]? attendees = null, string? prospectZone = null, string? organizerEmail = null) =>
            new { start, end, organizerTimeZone = zone, attendees = attendees ?? ["rsm.west@example.com"], prospectTimeZone = prospectZone, organizerEmail };

        yield return new TestCaseData(Body(start: null), "start", "is required").SetName("Start missing");
        yield return new TestCaseData(Body(start: "tomorrow at ten"), "start", "is not an ISO 8601 instant").SetName("Start not an instant");
        yield return new TestCaseData(Body(end: "2026-12-03T14:00:00Z"), "end", "must be after 'start'").SetName("End before start");
        yield return new TestCaseData(Body(end: "2026-12-03T15:00:00Z"), "end", "must be after 'start'").SetName("End equals start");
        yield return new TestCaseData(Body(end: "2026-12-04T15:00:01Z"), "end", "at most 24 hours").SetName("Longer than a day");
        yield return new TestCaseData(Body(zone: "Mars/Olympus_Mons"), "organizerTimeZone", "not a known IANA or Windows time zone").SetName("Unknown organizer zone");
        yield return new TestCaseData(Body(zone: null), "organizerTimeZone", "is required").SetName("Organizer zone missing");
        yield return new TestCaseData(Body(prospectZone: "Pacific Standard"), "prospectTimeZone", "not a known").SetName("Unknown prospect zone");
        yield return new TestCaseData(Body(attendees: ["rsm.west@example.com", "not-an-address"]), "attendees[1]", "not a valid e-mail").SetName("Bad attendee");
        yield return new TestCaseData(Body(attendees: Enumerable.Range(0, 51).Select(i => $"p{i}@acme.example").ToArray()), "attendees", "At most 50").SetName("Too many attendees");
        yield return new TestCaseData(Body(organizerEmail: "sdr-at-example.com"), "organizerEmail", "not a valid e-mail").SetName("Bad organizer e-mail");
    }

    [TestCaseSource(nameof(InvalidRequests))]
    public async Task Check_InvalidRequest_Is400NamingTheField(object body, string field, string message)
    {
        using var response = await _client.PostAsJsonAsync("/api/v1/meetings/check", body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.That(errors.Select(e => e.Key), Does.Contain(field));
        Assert.That(errors[field]![0]!.GetValue<string>(), Does.Contain(message));
    }

    [TestCase("{\"start\": \"2026-12-03T15:00:00Z\", \"end\": ", "end")]
    [TestCase("{\"start\": \"2026-12-03T15:00:00Z\", \"end\": 42}", "end")]
    [TestCase("{\"start\": \"2026-12-03T15:00:00Z\", \"attendees\": \"rsm.west@example.com\"}", "attendees")]
    [TestCase("[1, 2, 3]", "body")]
    [TestCase("not json at all", "body")]
    public async Task Check_MalformedJson_Is400NotA500(string raw, string field)
    {
        using var content = new StringContent(raw, Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync("/api/v1/meetings/check", content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.That(errors.Select(e => e.Key), Does.Contain(field));
    }

    [Test]
    public async Task Check_EmptyBody_Is400()
    {
        using var content = new StringContent("", Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync("/api/v1/meetings/check", content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task Healthz_IsHealthy()
    {
        using var response = await _client.GetAsync("/healthz");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task OpenApi_DescribesTheCheck()
    {
        var doc = JsonDocument.Parse(await _client.GetStringAsync("/swagger/v1/swagger.json")).RootElement;

        var post = doc.GetProperty("paths").GetProperty("/api/v1/meetings/check").GetProperty("post");
        Assert.That(post.GetProperty("responses").EnumerateObject().Select(r => r.Name), Is.SupersetOf(new[] { "200", "400" }));
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        var request = schemas.GetProperty("CheckRequest").GetProperty("properties");
        Assert.That(request.EnumerateObject().Select(p => p.Name),
            Is.SupersetOf(new[] { "start", "end", "organizerTimeZone", "attendees", "location", "prospectTimeZone" }));
        Assert.That(schemas.GetProperty("CheckResponse").GetProperty("properties").EnumerateObject().Select(p => p.Name),
            Is.SupersetOf(new[] { "verdict", "times", "warnings", "rsms" }));
    }

    [Test]
    public async Task SwaggerUi_IsServed()
    {
        using var response = await _client.GetAsync("/swagger/index.html");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("swagger-ui"));
    }
}
