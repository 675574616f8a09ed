using System.Collections.Concurrent;
using System.Net;
using Handoff.Api.Handoffs.Outbox;
using Handoff.Api.Tests.Support;
using Handoff.Scheduling.Handoffs;
using Handoff.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using static Handoff.Api.Tests.Baton.BatonSamples;

namespace Handoff.Api.Tests.Baton;

/// <summary>The outbox worker against a scripted mailer: backoff on transient failures, permanent failure on the record, one send per row across workers.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class OutboxTests(DatabaseProvider provider) : ApiTest(provider)
{
    private readonly ScriptedMailer _mailer = new();

    // The hosted loop sleeps for a day after its first pass: the tests drive passes themselves, on the fake clock.
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["BriefMail:PollInterval"] = "1.00:00:00",
        ["BriefMail:MaxAttempts"] = "3",
        ["BriefMail:FirstRetryDelay"] = "00:00:30",
    };

    protected override Action<IServiceCollection> Services => s => s.AddSingleton<IBriefMailer>(_mailer);

    private BriefOutboxWorker Worker => App.Services.GetServices<IHostedService>().OfType<BriefOutboxWorker>().Single();

    [SetUp]
    public async Task OrgAsync()
    {
        _mailer.Reset();
        await CreateAsync("rsms", Samples.Rsm());
        await (await Client.PutJsonAsync($"/api/v1/leads/{Prospect}", Lead(), null)).JsonAsync(HttpStatusCode.Created);
    }

    [Test]
    public async Task Transient_failures_back_off_then_the_brief_is_sent_once()
    {
        _mailer.Script(MailOutcome.Transient("HTTP 503"), MailOutcome.Transient("HTTP 429"));
        await (await Client.PutJsonAsync("/api/v1/handoffs/hk-retry-0001", Invite(), null)).JsonAsync(HttpStatusCode.Created);

        Assert.That(await Worker.RunOnceAsync(_mailer, CancellationToken.None), Is.EqualTo(1));
        var row = await RowAsync();
        Assert.That((row.Status, row.Attempts, row.LastError), Is.EqualTo((DeliveryStatus.Pending, 1, "HTTP 503")));
        Assert.That(row.NextAttemptAt, Is.EqualTo(App.Clock.GetCurrentInstant() + Duration.FromSeconds(30)));
        Assert.That(await Worker.RunOnceAsync(_mailer, CancellationToken.None), Is.Zero, "not due before the backoff");

        App.Clock.Advance(Duration.FromSeconds(30));
        await Worker.RunOnceAsync(_mailer, CancellationToken.None);
        Assert.That((await RowAsync()).NextAttemptAt, Is.EqualTo(App.Clock.GetCurrentInstant() + Duration.FromSeconds(60)), "the delay doubles");
        App.Clock.Advance(Duration.FromSeconds(60));
        await Worker.RunOnceAsync(_mailer, CancellationToken.None);

        row = await RowAsync();
        Assert.That((row.Status, row.Attempts, row.SentAt), Is.EqualTo((DeliveryStatus.Sent, 3, (Instant?)App.Clock.GetCurrentInstant())));
        Assert.That(_mailer.Delivered, Has.Count.EqualTo(1));
        Assert.That(_mailer.Delivered[0].To, Is.EqualTo(new[] { "jo.field@example.com" }));
        var handoff = await (await Client.GetAsync("/api/v1/handoffs/hk-retry-0001")).JsonAsync(HttpStatusCode.OK);
        Assert.That(handoff["delivery"]!["status"]!.GetValue<string>(), Is.EqualTo("sent"));
    }

    [Test]
    public async Task A_permanent_failure_is_recorded_on_the_handoff()
    {
        _mailer.Script(MailOutcome.Permanent("Microsoft Graph refused the mail with HTTP 404 (ErrorInvalidUser)"));
        await (await Client.PutJsonAsync("/api/v1/handoffs/hk-fail-00001", Invite(), null)).JsonAsync(HttpStatusCode.Created);

        await Worker.RunOnceAsync(_mailer, CancellationToken.None);
        App.Clock.Advance(Duration.FromDays(1));
        Assert.That(await Worker.RunOnceAsync(_mailer, CancellationToken.None), Is.Zero, "a failed brief is not retried");

        var handoff = await (await Client.GetAsync("/api/v1/handoffs/hk-fail-00001")).JsonAsync(HttpStatusCode.OK);
        Assert.That(handoff["delivery"]!["status"]!.GetValue<string>(), Is.EqualTo("failed"));
        Assert.That(handoff["delivery"]!["lastError"]!.GetValue<string>(), Does.Contain("ErrorInvalidUser"));
    }

    [Test]
    public async Task Retries_run_out_into_a_failure()
    {
        _mailer.Script(MailOutcome.Transient("HTTP 503"), MailOutcome.Transient("HTTP 503"), MailOutcome.Transient("HTTP 503"));
        await (await Client.PutJsonAsync("/api/v1/handoffs/hk-gaveup-001", Invite(), null)).JsonAsync(HttpStatusCode.Created);
        for (var i = 0; i < 3; i++)
        {
            await Worker.RunOnceAsync(_mailer, CancellationToken.None);
            App.Clock.Advance(Duration.FromHours(1));
        }
        var row = await RowAsync();
        Assert.That(row.Status, Is.EqualTo(DeliveryStatus.Failed));
        Assert.That(row.LastError, Is.EqualTo("Gave up after 3 attempts: HTTP 503"));
    }

    [Test]
    public async Task Two_workers_never_send_one_brief_twice()
    {
        for (var i = 0; i < 6; i++)
        {
            var invite = Invite(whyNow: $"reason {i}");
            await (await Client.PutJsonAsync($"/api/v1/handoffs/hk-pair-{i:0000}", invite, null)).JsonAsync(HttpStatusCode.Created);
        }
        _mailer.Latency = TimeSpan.FromMilliseconds(20);
        var second = new BriefOutboxWorker(App.Services.GetRequiredService<IServiceScopeFactory>(), App.Services, App.Clock,
            App.Services.GetRequiredService<IOptions<BriefOutboxOptions>>(), NullLogger<BriefOutboxWorker>.Instance);
        var tried = await Task.WhenAll(Worker.RunOnceAsync(_mailer, CancellationToken.None), second.RunOnceAsync(_mailer, CancellationToken.None));

        Assert.That(tried.Sum(), Is.EqualTo(6));
        Assert.That(_mailer.Delivered.Select(m => m.DeliveryId).Distinct().Count(), Is.EqualTo(6));
        Assert.That(_mailer.Delivered, Has.Count.EqualTo(6));
    }

    private async Task<BriefDeliveryEntity> RowAsync()
    {
        await using var db = Db.OpenContext();
        return await db.BriefDeliveries.SingleAsync();
    }

    /// <summary>Answers the scripted outcomes in order, then Sent; keeps what it delivered.</summary>
    private sealed class ScriptedMailer : IBriefMailer
    {
        private readonly ConcurrentQueue<MailOutcome> _script = new();
        private readonly ConcurrentQueue<BriefMail> _delivered = new();

        public TimeSpan Latency { get; set; }

        public string Describe => "scripted";

        public IReadOnlyList<BriefMail> Delivered => _delivered.ToArray();

        public void Script(params MailOutcome[] outcomes)
        {
            foreach (var o in outcomes)
            {
                _script.Enqueue(o);
            }
        }

        public void Reset()
        {
            _script.Clear();
            _delivered.Clear();
            Latency = TimeSpan.Zero;
        }

        public async Task<MailOutcome> SendAsync(BriefMail mail, CancellationToken cancellationToken)
        {
            await Task.Delay(Latency, cancellationToken);
            var outcome = _script.TryDequeue(out var next) ? next : MailOutcome.Sent;
            if (outcome is SentOutcome)
            {
                _delivered.Enqueue(mail);
            }
            return outcome;
        }
    }
}
