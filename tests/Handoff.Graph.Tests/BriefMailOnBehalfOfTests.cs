using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Handoff.Api.Handoffs.Outbox;
using Handoff.Graph.Fake;
using Handoff.Scheduling.Handoffs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.TestHost;
using static Handoff.Graph.Tests.Samples;

namespace Handoff.Graph.Tests;

/// <summary>
/// The RSM's brief mailed as the SDR with delegated Mail.Send: the recorder starts Microsoft.Identity.Web's long-running
/// on-behalf-of session while the SDR's token is at hand, and the outbox worker (no request, no SDR token) sends through
/// the SDK's pipeline to the Graph fake's /me/sendMail with the session's token, refreshed when it has expired. Also the
/// app-only route from BriefMail:Sender beside on-behalf-of (signed by the API's own registration).
/// </summary>
public sealed class BriefMailOnBehalfOfTests
{
    private const string TenantId = "7c1d2b5e-0000-4000-8000-00000000c0de";
    private const string ClientId = "3f0e9a44-0000-4000-8000-0000000000a1";
    private const string SdrOid = "00000000-0000-0000-0000-00000000051a";
    private const string Sdr = "sdr@example.com";
    private const string MailSend = "https://graph.microsoft.com/Mail.Send";

    private FakeGraph _graph = null!;
    private FakeGraphServer _graphServer = null!;
    private FakeEntra _entra = null!;
    private FakeEntraServer _entraServer = null!;

    [SetUp]
    public async Task StartFakes()
    {
        _graph = new FakeGraph();
        _graph.AddMailbox(West);
        _graph.AddMailbox(Sdr);
        _graphServer = await FakeGraphServer.StartInMemoryAsync(_graph);
        _entra = new FakeEntra(TenantId, ClientId, "fake-client-secret", _graph);
        _entraServer = await FakeEntraServer.StartInMemoryAsync(_entra);
    }

    [TearDown]
    public async Task StopFakes()
    {
        await _entraServer.DisposeAsync();
        await _graphServer.DisposeAsync();
    }

    [Test]
    public async Task ARecordedHandoff_IsMailedOnceAsTheSdr_WithTheSessionStartedAtRecordTime()
    {
        await using var api = Api();
        var sdrToken = _entra.MintUserToken(SdrOid, Sdr);

        var put = await RecordAsync(api, sdrToken, "baton-0001", "Insurer audit");
        var again = await RecordAsync(api, sdrToken, "baton-0001", "Insurer audit"); // the send handler and the pane action
        await SendDueAsync(api);
        await SendDueAsync(api);

        Assert.That((put.StatusCode, again.StatusCode), Is.EqualTo((HttpStatusCode.Created, HttpStatusCode.OK)));
        var start = MailExchanges().Single();
        Assert.Multiple(() =>
        {
            Assert.That(start["assertion"], Is.EqualTo(sdrToken), "started from the SDR's own token, during their request");
            Assert.That(start["scope"].Split(' '), Does.Contain(MailSend).And.Contain("offline_access"), "a refresh token for the worker");
            Assert.That(_entra.TokenRequests.Count(r => r["grant_type"] == "refresh_token"), Is.Zero, "the worker used the cached token");
        });
        var sent = _graph.Outbox.Sent.Single();
        Assert.Multiple(() =>
        {
            Assert.That(_graph.Requests.Single(r => r.Path.EndsWith("/sendMail")).Path, Is.EqualTo("/v1.0/me/sendMail"));
            Assert.That(sent.Mailbox, Is.EqualTo(Sdr), "sent as the SDR");
            Assert.That(sent.Authorization, Is.EqualTo($"Bearer {IssuedFor(MailSend).Single()}"));
            Assert.That(sent.To, Is.EqualTo(new[] { West }));
            Assert.That(sent.ReplyTo, Is.Empty, "replies reach the SDR anyway");
            Assert.That(sent.Content, Does.Contain("Insurer audit"));
        });
        Assert.That(await DeliveryAsync(api, sdrToken, "baton-0001"), Is.EqualTo(("sent", (string?)null)));
    }

    [Test]
    public async Task WhenTheSessionsAccessTokenHasExpired_TheWorkerRedeemsTheRefreshToken_AndGraphRetries429And503()
    {
        _entra.GraphTokenLifetime = TimeSpan.FromMinutes(2); // inside MSAL's 5-minute margin: expired for the worker
        _graph.EnqueueMail(FakeFault.Throttle(1), FakeFault.Unavailable(1));
        await using var api = Api();
        var sdrToken = _entra.MintUserToken(SdrOid, Sdr);

        await RecordAsync(api, sdrToken, "baton-0002", "Insurer audit");
        await SendDueAsync(api);

        var refresh = _entra.TokenRequests.Where(r => r["grant_type"] == "refresh_token").ToArray();
        Assert.That(refresh, Is.Not.Empty, "the worker had no SDR token: MSAL redeemed the session's refresh token");
        Assert.That(refresh.All(r => !r.ContainsKey("assertion")));
        Assert.That(_graph.SendMailCalls, Is.EqualTo(3));
        Assert.That(_graph.Requests.Where(r => r.Path.EndsWith("/sendMail")).Select(r => r.RetryAttempt), Is.EqualTo(new string?[] { null, "1", "2" }), "the SDK's RetryHandler");
        var sent = _graph.Outbox.Sent.Single();
        Assert.That(sent.Authorization, Is.EqualTo($"Bearer {IssuedFor(MailSend).Last()}"), "the refreshed token, not the one from the SDR's request");
        Assert.That(IssuedFor(MailSend), Has.Count.GreaterThan(1));
    }

    [Test]
    public async Task ARevokedSession_FailsTheBriefPermanently_SayingTheSdrMustSignInAgain()
    {
        _entra.GraphTokenLifetime = TimeSpan.FromMinutes(2);
        await using var api = Api();
        var sdrToken = _entra.MintUserToken(SdrOid, Sdr);

        await RecordAsync(api, sdrToken, "baton-0003", "Insurer audit");
        _entra.RevokeRefreshTokens(); // e.g. the SDR reset their password before the brief went out
        await SendDueAsync(api);

        var (status, error) = await DeliveryAsync(api, sdrToken, "baton-0003");
        Assert.That(status, Is.EqualTo("failed"));
        Assert.That(error, Does.Contain($"Could not send as {Sdr}: Microsoft 365 needs you to sign in to Handoff again"));
        Assert.That(_graph.SendMailCalls, Is.Zero);
    }

    [Test]
    public async Task NoConsentForMailSend_StillRecords_AndTheBriefFailsNamingAdminConsent()
    {
        await using var api = Api();
        var sdrToken = _entra.MintUserToken(SdrOid, Sdr);
        await WarmUpCheckAsync(api, sdrToken); // the check's own exchange, cached for the recording's check
        _entra.Enqueue(FakeEntraError.ConsentRequired); // the next exchange is the mail session's

        var put = await RecordAsync(api, sdrToken, "baton-0004", "Insurer audit");
        await SendDueAsync(api);

        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.Created), "a mail problem never loses the record");
        var (status, error) = await DeliveryAsync(api, sdrToken, "baton-0004");
        Assert.That(status, Is.EqualTo("failed"));
        Assert.That(error, Does.Contain("holds no Microsoft 365 mail session").And.Contain("your Microsoft 365 admin must consent"));
        Assert.That(_graph.SendMailCalls, Is.Zero);
    }

    [Test]
    public async Task SenderBesideOnBehalfOf_StartsAndMailsAppOnly_SignedByTheApisOwnRegistration()
    {
        _graph.AddMailbox("handoff@example.com");
        await using var api = Api(b => b.UseSetting("BriefMail:Sender", "handoff@example.com"));
        var sdrToken = _entra.MintUserToken(SdrOid, Sdr);

        await RecordAsync(api, sdrToken, "baton-0005", "Insurer audit");
        await SendDueAsync(api);

        var app = _entra.TokenRequests.Single(r => r["grant_type"] == "client_credentials");
        Assert.That(app["scope"], Is.EqualTo("https://graph.microsoft.com/.default"));
        Assert.That(MailExchanges(), Is.Empty, "no delegated mail session on this route");
        var sent = _graph.Outbox.Sent.Single();
        Assert.That(_graph.Requests.Single(r => r.Path.EndsWith("/sendMail")).Path, Is.EqualTo("/v1.0/users/handoff@example.com/sendMail"));
        Assert.That(sent.Authorization, Does.StartWith("Bearer fake-app-token."));
        Assert.That(sent.ReplyTo, Is.EqualTo(new[] { Sdr }));
    }

    [TestCase(true, TestName = "AnotherInstance_SendsTheBrief_FromTheSharedTokenCache")]
    [TestCase(false, TestName = "AnotherInstance_WithoutASharedCache_FailsTheBrief_SayingTheSessionIsMissing")]
    public async Task TheSession_LivesInTheTokenCache_SoAnotherInstanceOrARestartSendsOnlyWithASharedOne(bool shared)
    {
        var database = $"Data Source={Path.Combine(Path.GetTempPath(), $"handoff-mail-{Guid.NewGuid():N}.db")}";
        var cache = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions())); // stands in for Redis
        void Instance(IWebHostBuilder b)
        {
            b.UseSetting("ConnectionStrings:Handoff", database);
            if (shared)
            {
                b.ConfigureTestServices(s => s.AddSingleton<IDistributedCache>(cache));
            }
        }
        var sdrToken = _entra.MintUserToken(SdrOid, Sdr);
        await using (var recorder = Api(Instance))
        {
            await RecordAsync(recorder, sdrToken, "baton-0006", "Insurer audit");
        }

        await using var sender = Api(Instance); // a restarted API, or the instance whose worker claims the row
        await SendDueAsync(sender);

        var (status, error) = await DeliveryAsync(sender, sdrToken, "baton-0006");
        if (shared)
        {
            Assert.That((status, error), Is.EqualTo(("sent", (string?)null)));
            Assert.That(_graph.Outbox.Sent.Single().Mailbox, Is.EqualTo(Sdr));
            Assert.That(MailExchanges().Count(), Is.EqualTo(1), "the session started once, on the recording instance");
        }
        else
        {
            Assert.That(status, Is.EqualTo("failed"));
            Assert.That(error, Does.Contain("holds no Microsoft 365 mail session"));
            Assert.That(_graph.SendMailCalls, Is.Zero);
        }
    }

    [TestCase("Sdr", "BriefMail:SendAs=Sdr sends as the SDR through on-behalf-of")]
    [TestCase("Postman", "BriefMail:SendAs must be Off, Sdr or Sender (it is 'Postman')")]
    public void AMailRouteThatCannotWork_FailsStartUp_NamingTheSetting(string sendAs, string message)
    {
        using var api = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Handoff", $"Data Source={Path.Combine(Path.GetTempPath(), $"handoff-mail-{Guid.NewGuid():N}.db")}");
            b.UseSetting("Graph:AccessToken", "app-only trial"); // not on behalf of anyone
            b.UseSetting("BriefMail:SendAs", sendAs);
        });

        var failure = Assert.Catch(() => api.CreateClient());

        Assert.That(failure!.ToString(), Does.Contain(message));
    }

    private WebApplicationFactory<Program> Api(Action<IWebHostBuilder>? more = null) => EntraHarness.Api(_entra, _entraServer, _graphServer, b =>
    {
        b.UseSetting("BriefMail:PollInterval", "01:00:00"); // the tests drive the worker's passes themselves
        more?.Invoke(b);
    });

    private IEnumerable<IReadOnlyDictionary<string, string>> MailExchanges() =>
        _entra.TokenRequests.Where(r => r["grant_type"] == FakeEntra.JwtBearerGrant && r["scope"].Contains(MailSend));

    private List<string> IssuedFor(string scope) =>
        _graph.DelegatedScopes.Where(t => t.Value.Contains(scope)).Select(t => t.Key).OrderBy(t => int.Parse(t.Split('.').Last())).ToList();

    /// <summary>One pass of the outbox worker, as its loop would run it: outside any request.</summary>
    private static async Task SendDueAsync(WebApplicationFactory<Program> api)
    {
        var worker = api.Services.GetServices<IHostedService>().OfType<BriefOutboxWorker>().Single();
        await worker.RunOnceAsync(api.Services.GetRequiredService<IBriefMailer>(), CancellationToken.None);
    }

    private static async Task WarmUpCheckAsync(WebApplicationFactory<Program> api, string token)
    {
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var day = DateTime.UtcNow.Date.AddDays(8);
        var response = await client.PostAsJsonAsync("/api/v1/meetings/check", new
        {
            start = day.AddHours(18).ToString("yyyy-MM-ddTHH:mm:ssZ"), end = day.AddHours(19).ToString("yyyy-MM-ddTHH:mm:ssZ"),
            organizerTimeZone = "Eastern Standard Time", attendees = new[] { West, "cfo@acme-metals.example" },
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private static async Task<HttpResponseMessage> RecordAsync(WebApplicationFactory<Program> api, string token, string key, string whyNow)
    {
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var day = DateTime.UtcNow.Date.AddDays(8);
        var response = await client.PutAsJsonAsync($"/api/v1/handoffs/{key}", new
        {
            start = day.AddHours(18).ToString("yyyy-MM-ddTHH:mm:ssZ"), end = day.AddHours(19).ToString("yyyy-MM-ddTHH:mm:ssZ"),
            organizerTimeZone = "Eastern Standard Time", organizerEmail = Sdr,
            attendees = new[] { West, "cfo@acme-metals.example" }, location = "Acme Metals, Fresno, CA 93706",
            notes = new { whyNow },
        });
        Assert.That(response.StatusCode, Is.AnyOf(HttpStatusCode.Created, HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return response;
    }

    private static async Task<(string Status, string? Error)> DeliveryAsync(WebApplicationFactory<Program> api, string token, string key)
    {
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var rows = await client.GetFromJsonAsync<JsonElement>($"/api/v1/handoffs/{key}/deliveries");
        var row = rows.EnumerateArray().Single();
        return (row.GetProperty("status").GetString()!, row.TryGetProperty("lastError", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null);
    }
}
