using Handoff.Graph.Fake;
using Handoff.Graph.Mail;
using Handoff.Scheduling.Handoffs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Handoff.Graph.Tests;

/// <summary>The brief mailer through the SDK's own pipeline (auth, serialisation, RetryHandler) against the Graph-shaped fake's sendMail.</summary>
public sealed class BriefMailTests
{
    private const string Sender = "handoff@contoso.com";

    private FakeGraph _graph = null!;
    private FakeGraphServer _server = null!;
    private ServiceProvider _services = null!;
    private IBriefMailer _mailer = null!;

    private static readonly BriefMail Mail = new(new Guid("0f1e2d3c-0000-4000-8000-000000000001"), ["rsm.west@contoso.com", "rsm.east@contoso.com"],
        "sdr@contoso.com", "Handoff brief: Acme Metals, Thursday, Dec 10, 10:00 AM Pacific Time", "<p>Why now: <strong>audit</strong></p>");

    [SetUp]
    public async Task StartAsync()
    {
        _graph = new FakeGraph { RequiredToken = GraphHarness.FakeCredential.Token };
        _graph.AddMailbox(Sender);
        _server = await FakeGraphServer.StartInMemoryAsync(_graph);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Graph:TenantId"] = "00000000-0000-0000-0000-0000000000aa",
            ["Graph:ClientId"] = "00000000-0000-0000-0000-0000000000bb",
            ["Graph:ClientSecret"] = "not used: the fake credential answers",
            ["Graph:ScheduleMailbox"] = "scheduler@contoso.com",
            ["BriefMail:Sender"] = Sender,
        }).Build();
        _services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(b => b.AddProvider(TestLog.Provider))
            .AddSingleton(new GraphTransport { FinalHandler = _server.CreateHandler(), Credential = new GraphHarness.FakeCredential() })
            .AddGraphBriefMailer(BriefMailSendAs.Sender)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        _mailer = _services.GetRequiredService<IBriefMailer>();
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task SendMail_CarriesTheBriefAsGraphDefinesTheMessage()
    {
        Assert.That(await _mailer.SendAsync(Mail, CancellationToken.None), Is.TypeOf<SentOutcome>());

        var sent = _graph.Outbox.Sent.Single();
        Assert.Multiple(() =>
        {
            Assert.That(_graph.Requests.Single().Path, Is.EqualTo($"/v1.0/users/{Sender}/sendMail"), "app-only: the configured sender's mailbox");
            Assert.That(sent.Authorization, Is.EqualTo($"Bearer {GraphHarness.FakeCredential.Token}"));
            Assert.That(sent.To, Is.EqualTo(Mail.To));
            Assert.That(sent.ReplyTo, Is.EqualTo(new[] { "sdr@contoso.com" }), "replies reach the SDR");
            Assert.That(sent.Subject, Is.EqualTo(Mail.Subject));
            Assert.That(sent.ContentType, Is.EqualTo("html"));
            Assert.That(sent.Content, Is.EqualTo(Mail.Html));
            Assert.That(sent.Headers["X-Handoff-Delivery"], Is.EqualTo(Mail.DeliveryId.ToString()));
            Assert.That(sent.SaveToSentItems, Is.False);
        });
    }

    [Test]
    public async Task Throttling_And_Unavailability_AreRetriedByTheSdk_AndTheMailGoesOnce()
    {
        _graph.EnqueueMail(FakeFault.Throttle(1), FakeFault.Unavailable(1));

        Assert.That(await _mailer.SendAsync(Mail, CancellationToken.None), Is.TypeOf<SentOutcome>());

        Assert.That(_graph.SendMailCalls, Is.EqualTo(3));
        Assert.That(_graph.Requests.Select(r => r.RetryAttempt), Is.EqualTo(new string?[] { null, "1", "2" }), "the SDK's RetryHandler retried");
        Assert.That(_graph.Outbox.Sent, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task StillUnavailableAfterTheSdksRetries_IsTransient_ForTheOutboxToRetryLater()
    {
        _graph.EnqueueMail(Enumerable.Repeat(FakeFault.Unavailable(1), 4).ToArray());

        var outcome = await _mailer.SendAsync(Mail, CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<TransientFailure>());
        Assert.That(((TransientFailure)outcome).Error, Does.Contain("HTTP 503"));
        Assert.That(_graph.SendMailCalls, Is.EqualTo(4), "one try and the SDK's three retries");
        Assert.That(_graph.Outbox.Sent, Is.Empty);
    }

    [Test]
    public async Task AnUnknownSender_IsPermanent()
    {
        _graph.RemoveMailbox(Sender);

        var outcome = await _mailer.SendAsync(Mail, CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<PermanentFailure>());
        Assert.That(((PermanentFailure)outcome).Error, Does.Contain("404").And.Contain("ErrorInvalidUser"));
        Assert.That(_graph.SendMailCalls, Is.EqualTo(1), "a 404 is not retried");
    }
}
