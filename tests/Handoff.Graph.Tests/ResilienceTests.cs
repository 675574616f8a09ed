using Handoff.Graph.Fake;
using Handoff.Scheduling.Calendars;
using static Handoff.Graph.Tests.Samples;

namespace Handoff.Graph.Tests;

/// <summary>
/// Throttling, outages and refusals degrade to a <see cref="CalendarProblem"/> with Outage set, within the
/// check's budget (3 s by default), through the SDK's own RetryHandler. Times are only compared with the
/// budget plus generous slack for a busy machine.
/// </summary>
public class ResilienceTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(2);

    [TestCase(false, TestName = "Throttled_RetryAfterOneSecond_RetriesAndSucceeds(in memory)")]
    [TestCase(true, TestName = "Throttled_RetryAfterOneSecond_RetriesAndSucceeds(loopback)")]
    public async Task Throttled_RetryAfterOneSecond_RetriesAndSucceeds(bool loopback)
    {
        await using var harness = await GraphHarness.StartAsync(loopback: loopback);
        harness.Graph.AddMailbox(West, m => m.Add(At("2026-03-10T17:00:00Z"), At("2026-03-10T18:00:00Z")));
        harness.Graph.Enqueue(FakeFault.Throttle(retryAfterSeconds: 1));

        var (lookups, elapsed) = await harness.TimedReadAsync(Tuesday, West);

        Assert.That(lookups.Single().Problem, Is.Null);
        Assert.That(lookups.Single().Calendar!.Items, Has.Count.EqualTo(1));
        Assert.That(harness.Graph.Requests.Select(r => r.RetryAttempt), Is.EqualTo(new[] { null, "1" }), "the SDK's RetryHandler retried once");
        Assert.That(elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9)), "Retry-After was honoured");
        Assert.That(elapsed, Is.LessThan(Budget + Slack));
    }

    [Test]
    public async Task Throttled_RetryAfterThirtySeconds_DegradesAtOnce()
    {
        await using var harness = await GraphHarness.StartAsync();
        harness.Graph.AddMailbox(West);
        harness.Graph.AddMailbox(East);
        harness.Graph.Enqueue(FakeFault.Throttle(retryAfterSeconds: 30));

        var (lookups, elapsed) = await harness.TimedReadAsync(Tuesday, West, East);

        Assert.That(lookups.Select(l => l.Problem?.Outage), Is.EqualTo(new bool?[] { true, true }));
        Assert.That(lookups[0].Problem!.Reason, Is.EqualTo("Microsoft Graph is throttling requests and asked to wait 30 s"));
        Assert.That(harness.Graph.ScheduleCalls, Is.EqualTo(1), "no retry that the budget cannot afford");
        Assert.That(elapsed, Is.LessThan(Budget));
    }

    [Test]
    public async Task PersistentServiceUnavailable_Degrades_WithinTheBudget()
    {
        await using var harness = await GraphHarness.StartAsync();
        harness.Graph.AddMailbox(West);
        harness.Graph.PersistentFault = FakeFault.Unavailable();

        var (lookups, elapsed) = await harness.TimedReadAsync(Tuesday, West);

        var problem = lookups.Single().Problem!;
        Assert.That(problem.Outage, Is.True);
        Assert.That(problem.Reason, Does.StartWith("Microsoft Graph is unavailable (HTTP 503"));
        Assert.That(harness.Graph.ScheduleCalls, Is.InRange(2, 3), "retried while the budget allowed");
        Assert.That(elapsed, Is.LessThan(Budget + Slack));
    }

    [Test]
    public async Task RetriesRunOut_TheSdksAggregateException_DegradesToo()
    {
        // Retry-After: 0 lets every retry fit the budget, so the SDK's RetryHandler runs out of retries and
        // throws an AggregateException of ApiExceptions instead of an ODataError.
        await using var harness = await GraphHarness.StartAsync();
        harness.Graph.AddMailbox(West);
        harness.Graph.PersistentFault = FakeFault.Unavailable(retryAfterSeconds: 0);

        var problem = (await harness.ReadAsync(Tuesday, West)).Single().Problem!;

        Assert.That(problem, Is.EqualTo(new CalendarProblem("Microsoft Graph is unavailable (HTTP 503, still failing after retries)", Outage: true)));
        Assert.That(harness.Graph.ScheduleCalls, Is.EqualTo(3), "the first try and two retries");
    }

    [Test]
    public async Task ServiceUnavailable_ThenSuccess_IsRetried()
    {
        await using var harness = await GraphHarness.StartAsync();
        harness.Graph.AddMailbox(West);
        harness.Graph.Enqueue(FakeFault.Status(504));

        var lookups = await harness.ReadAsync(Tuesday, West);

        Assert.That(lookups.Single().Calendar, Is.Not.Null);
        Assert.That(harness.Graph.ScheduleCalls, Is.EqualTo(2));
    }

    [Test]
    public async Task Unauthorized_DegradesWithoutRetry()
    {
        await using var harness = await GraphHarness.StartAsync();
        harness.Graph.AddMailbox(West);
        harness.Graph.Enqueue(FakeFault.Unauthorized());

        var lookups = await harness.ReadAsync(Tuesday, West);

        Assert.That(lookups.Single().Problem, Is.EqualTo(new CalendarProblem("Microsoft Graph did not accept the app's sign-in (HTTP 401)", Outage: true)));
        Assert.That(harness.Graph.ScheduleCalls, Is.EqualTo(1));
    }

    [Test]
    public async Task Forbidden_Degrades()
    {
        await using var harness = await GraphHarness.StartAsync();
        harness.Graph.AddMailbox(West);
        harness.Graph.Enqueue(FakeFault.Forbidden());

        var problem = (await harness.ReadAsync(Tuesday, West)).Single().Problem!;

        Assert.That((problem.Outage, problem.Reason), Is.EqualTo((true, "Microsoft Graph denied access to the calendars (HTTP 403)")));
    }

    [Test]
    public async Task SlowGraph_TimesOut_WithinTheBudget()
    {
        await using var harness = await GraphHarness.StartAsync();
        harness.Graph.AddMailbox(West);
        harness.Graph.Enqueue(FakeFault.Delay(TimeSpan.FromSeconds(30)));

        var (lookups, elapsed) = await harness.TimedReadAsync(Tuesday, West);

        Assert.That(lookups.Single().Problem, Is.EqualTo(new CalendarProblem("Microsoft Graph did not answer within 3 s", Outage: true)));
        Assert.That(elapsed, Is.GreaterThanOrEqualTo(Budget - TimeSpan.FromMilliseconds(100)), "waited for the budget, not less");
        Assert.That(elapsed, Is.LessThan(Budget + Slack));
    }

    [Test]
    public async Task ConfiguredBudget_IsTheBound()
    {
        await using var harness = await GraphHarness.StartAsync(s => s["Graph:CheckBudget"] = "00:00:01");
        harness.Graph.AddMailbox(West);
        harness.Graph.Latency = TimeSpan.FromSeconds(20);

        var (lookups, elapsed) = await harness.TimedReadAsync(Tuesday, West);

        Assert.That(lookups.Single().Problem!.Reason, Is.EqualTo("Microsoft Graph did not answer within 1 s"));
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(1) + Slack));
    }

    [Test]
    public async Task MalformedAnswer_Degrades()
    {
        await using var harness = await GraphHarness.StartAsync();
        harness.Graph.AddMailbox(West);
        harness.Graph.Enqueue(FakeFault.Malformed());

        var problem = (await harness.ReadAsync(Tuesday, West)).Single().Problem!;

        Assert.That(problem.Outage, Is.True);
        Assert.That(problem.Reason, Does.StartWith("Microsoft Graph"));
    }

    [Test]
    public async Task CallerCancellation_IsNotAnOutage_ItPropagates()
    {
        await using var harness = await GraphHarness.StartAsync();
        harness.Graph.AddMailbox(West);
        harness.Graph.Latency = TimeSpan.FromSeconds(10);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        Assert.That(async () => await harness.Source.ReadAsync([West], Tuesday, cancel.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task RequestsInFlight_PerMailbox_AreCapped()
    {
        await using var harness = await GraphHarness.StartAsync(s => s["Graph:MaxConcurrencyPerMailbox"] = "2");
        var rsms = Enumerable.Range(1, 6).Select(i => $"rsm{i}@example.com").ToArray();
        foreach (var rsm in rsms)
        {
            harness.Graph.AddMailbox(rsm);
        }
        harness.Graph.Latency = TimeSpan.FromMilliseconds(300);

        // Six SDRs check six different RSMs at once: six getSchedule calls on the one schedule mailbox.
        var lookups = await Task.WhenAll(rsms.Select(rsm => harness.ReadAsync(Tuesday, rsm)));

        Assert.That(lookups.SelectMany(l => l).Select(l => l.Problem), Is.All.Null);
        Assert.That(harness.Graph.ScheduleCalls, Is.EqualTo(6));
        Assert.That(harness.Graph.MaxInFlight, Is.EqualTo(2));
    }
}
