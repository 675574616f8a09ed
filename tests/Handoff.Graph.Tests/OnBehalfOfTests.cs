using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Handoff.Graph.Fake;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using static Handoff.Graph.Tests.Samples;

namespace Handoff.Graph.Tests;

/// <summary>
/// Auth:Mode=Entra with Graph read on behalf of the SDR, offline: the real Microsoft.Identity.Web validates the SDR's
/// token against <see cref="FakeEntra"/>'s metadata and keys, MSAL.NET exchanges it at the fake's token endpoint
/// (jwt-bearer grant), and the Graph SDK calls the Graph fake's /me/calendar/getSchedule with the exchanged token.
/// </summary>
public class OnBehalfOfTests
{
    private const string TenantId = "7c1d2b5e-0000-4000-8000-00000000c0de";
    private const string ClientId = "3f0e9a44-0000-4000-8000-0000000000a1";
    private const string ClientSecret = "fake-client-secret";
    private const string SdrOid = "00000000-0000-0000-0000-00000000051a";

    private FakeGraph _graph = null!;
    private FakeGraphServer _graphServer = null!;
    private FakeEntra _entra = null!;
    private FakeEntraServer _entraServer = null!;

    [SetUp]
    public async Task StartFakes()
    {
        _graph = new FakeGraph();
        _graphServer = await FakeGraphServer.StartInMemoryAsync(_graph);
        _entra = new FakeEntra(TenantId, ClientId, ClientSecret, _graph);
        _entraServer = await FakeEntraServer.StartInMemoryAsync(_entra);
    }

    [TearDown]
    public async Task StopFakes()
    {
        await _entraServer.DisposeAsync();
        await _graphServer.DisposeAsync();
    }

    [Test]
    public async Task FirstCheck_ExchangesTheSdrsToken_AndGraphGetsTheExchangedTokenOnMe()
    {
        _graph.AddMailbox(West, m => m.Add(At("2027-03-09T16:30:00Z"), At("2027-03-09T17:30:00Z"), "tentative", "Pipeline review", "Fresno, CA"));
        await using var api = Api();
        var sdrToken = _entra.MintUserToken(SdrOid, "sdr@example.com");

        var answer = await CheckAsync(api, sdrToken, "2027-03-09T17:00:00Z");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Body);
        Assert.That(answer.Warnings.Single(w => w.Code == "RSM_TENTATIVE").Message, Does.Contain("Pipeline review"));
        var exchange = _entra.TokenRequests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(exchange["grant_type"], Is.EqualTo("urn:ietf:params:oauth:grant-type:jwt-bearer"));
            Assert.That(exchange["requested_token_use"], Is.EqualTo("on_behalf_of"));
            Assert.That(exchange["assertion"], Is.EqualTo(sdrToken), "the SDR's own token is the assertion");
            Assert.That(exchange["scope"].Split(' '), Does.Contain("https://graph.microsoft.com/Calendars.ReadBasic"));
            Assert.That(exchange["scope"], Does.Not.Contain(".default").And.Not.Contain("Calendars.Read "), "delegated least privilege, no application permission");
            Assert.That(exchange["client_id"], Is.EqualTo(ClientId));
            Assert.That(exchange["client_secret"], Is.EqualTo(ClientSecret));
        });
        var call = _graph.Requests.Single();
        Assert.That(call.Path, Is.EqualTo("/v1.0/me/calendar/getSchedule"));
        Assert.That(call.Authorization, Is.EqualTo($"Bearer fake-graph-token.{SdrOid}.1"));
        Assert.That(answer.Json.RootElement.TryGetProperty("calendarAccess", out _), Is.False);
    }

    [Test]
    public async Task SecondCheck_ReusesTheExchangedToken_FromTheTokenCache()
    {
        _graph.AddMailbox(West);
        await using var api = Api();
        var sdrToken = _entra.MintUserToken(SdrOid, "sdr@example.com");

        await CheckAsync(api, sdrToken, "2027-03-09T17:00:00Z");
        await CheckAsync(api, sdrToken, "2027-04-13T17:00:00Z"); // beyond the read-ahead: the schedule cache misses, Graph is asked again

        Assert.That(_entra.TokenRequests, Has.Count.EqualTo(1), "one exchange, then MSAL's cache");
        Assert.That(_graph.Requests.Select(r => r.Authorization), Is.EqualTo(new[] { $"Bearer fake-graph-token.{SdrOid}.1", $"Bearer fake-graph-token.{SdrOid}.1" }));
    }

    [Test]
    public async Task EachSdrSeesWhatTheRsmSharesWithThem_NotWhatAnotherSdrSaw()
    {
        _graph.AddMailbox(West, m =>
        {
            m.SharesDetails = false;
            m.SharesDetailsWith.Add("sdr@example.com");
            m.Add(At("2027-03-09T16:30:00Z"), At("2027-03-09T17:30:00Z"), "tentative", "Pipeline review", "Fresno, CA");
        });
        await using var api = Api();

        var shared = await CheckAsync(api, _entra.MintUserToken(SdrOid, "sdr@example.com"), "2027-03-09T17:00:00Z");
        var other = await CheckAsync(api, _entra.MintUserToken("00000000-0000-0000-0000-00000000051b", "other.sdr@example.com"), "2027-03-09T17:00:00Z");

        Assert.That(shared.Warnings.Single(w => w.Code == "RSM_TENTATIVE").Message, Does.Contain("Pipeline review"));
        Assert.That(other.Warnings.Single(w => w.Code == "RSM_TENTATIVE").Message, Does.Not.Contain("Pipeline review"), "the schedule cache is per viewer");
        Assert.That(_graph.Requests, Has.Count.EqualTo(2));
        Assert.That(_entra.TokenRequests, Has.Count.EqualTo(2), "a token per SDR");
    }

    private static IEnumerable<TestCaseData> Failures()
    {
        yield return new TestCaseData(FakeEntraError.ConsentRequired, "adminConsent", "your Microsoft 365 admin must consent to Handoff reading calendars").SetName("ConsentRequired_AsksForAdminConsent");
        yield return new TestCaseData(FakeEntraError.MfaRequired, "signInAgain", "Microsoft 365 needs you to sign in to Handoff again").SetName("InteractionRequired_AsksToSignInAgain");
        yield return new TestCaseData(FakeEntraError.SessionExpired, "signInAgain", "Microsoft 365 needs you to sign in to Handoff again").SetName("ExpiredSession_AsksToSignInAgain");
        yield return new TestCaseData(FakeEntraError.InvalidClient, "unavailable", "Handoff could not get access to Microsoft 365 for you").SetName("RefusedAppCredential_IsUnavailable");
    }

    [TestCaseSource(nameof(Failures))]
    public async Task AFailedExchange_StillAnswers_WithAClearStateAndCalendarUnavailable(FakeEntraError error, string state, string reason)
    {
        _graph.AddMailbox(West);
        _entra.Enqueue(error);
        await using var api = Api();

        var answer = await CheckAsync(api, _entra.MintUserToken(SdrOid, "sdr@example.com"), "2027-03-09T17:00:00Z");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Body);
        Assert.That(answer.Warnings.Single(w => w.Code == "CALENDAR_UNAVAILABLE").Message, Does.StartWith($"Could not verify the RSM's calendar: {reason}."));
        var access = answer.Json.RootElement.GetProperty("calendarAccess");
        Assert.That(access.GetProperty("state").GetString(), Is.EqualTo(state));
        Assert.That(access.GetProperty("message").GetString(), Is.Not.Empty);
        if (error.Claims is not null)
        {
            Assert.That(access.GetProperty("claims").GetString(), Does.Contain("capolids"), "the claims challenge reaches the pane");
        }
        Assert.That(_graph.Requests, Is.Empty, "no token, no Graph call");
    }

    [Test]
    public void OnBehalfOf_WithoutEntraSignIn_FailsStartUp()
    {
        using var api = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Handoff", $"Data Source={Path.Combine(Path.GetTempPath(), $"handoff-obo-{Guid.NewGuid():N}.db")}");
            b.UseSetting("Graph:OnBehalfOf", "true");
        });

        var failure = Assert.Catch(() => api.CreateClient());

        Assert.That(failure!.ToString(), Does.Contain("Graph:OnBehalfOf needs Auth:Mode=Entra"));
    }

    private WebApplicationFactory<Program> Api() => EntraHarness.Api(_entra, _entraServer, _graphServer);

    private sealed record WarningJson(string Code, string Message);

    private sealed record Answer(HttpStatusCode Status, string Body, JsonDocument Json, IReadOnlyList<WarningJson> Warnings);

    private static async Task<Answer> CheckAsync(WebApplicationFactory<Program> api, string token, string start)
    {
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var begin = DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture);
        var response = await client.PostAsJsonAsync("/api/v1/meetings/check", new
        {
            start,
            end = begin.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            organizerTimeZone = "America/New_York",
            organizerEmail = "sdr@example.com",
            attendees = new[] { West, "buyer@prospect.example" },
        });
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return new Answer(response.StatusCode, body, JsonDocument.Parse("{}"), []);
        }
        var json = JsonDocument.Parse(body);
        var warnings = json.RootElement.GetProperty("warnings").EnumerateArray()
            .Select(w => new WarningJson(w.GetProperty("code").GetString()!, w.GetProperty("message").GetString()!)).ToArray();
        return new Answer(response.StatusCode, body, json, warnings);
    }
}
