using Handoff.Graph.Fake;
using Microsoft.Extensions.DependencyInjection;
using static Handoff.Graph.Tests.Samples;

namespace Handoff.Graph.Tests;

/// <summary>
/// Checks that need the same RSM day at the same time share one getSchedule call (single flight), per viewer;
/// a caller that gives up does not cancel the read for the others. All through the SDK's pipeline to the fake.
/// </summary>
public class SingleFlightTests
{
    [Test]
    public async Task FiftyConcurrentChecks_ForOneColdRsm_CostOneGraphRequest()
    {
        await using var harness = await GraphHarness.StartAsync();
        harness.Graph.AddMailbox(West, m => m.Add(At("2026-03-10T17:00:00Z"), At("2026-03-10T18:00:00Z"), subject: "Plant visit"));
        harness.Graph.Latency = TimeSpan.FromMilliseconds(200);

        var lookups = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => harness.ReadAsync(Tuesday, West))));

        Assert.That(harness.Graph.ScheduleCalls, Is.EqualTo(1));
        Assert.That(lookups.Select(l => l.Single().Calendar?.Items.Single().Subject), Is.All.EqualTo("Plant visit"));
        Assert.That(((GraphCalendarSource)harness.Source).ReadsInFlight, Is.Zero, "nothing left behind once the read is cached");
    }

    [Test]
    public async Task ConcurrentChecks_WithoutACache_StillShareTheRead()
    {
        await using var harness = await GraphHarness.StartAsync(s => s["Graph:CacheTtl"] = "00:00:00");
        harness.Graph.AddMailbox(West);
        harness.Graph.AddMailbox(East);
        harness.Graph.Latency = TimeSpan.FromMilliseconds(200);

        // Ten checks for West and East together, ten for West alone: West's days are read once.
        var both = Enumerable.Range(0, 10).Select(_ => Task.Run(() => harness.ReadAsync(Tuesday, West, East)));
        var westOnly = Enumerable.Range(0, 10).Select(_ => Task.Run(() => harness.ReadAsync(Tuesday, West)));
        var lookups = await Task.WhenAll(both.Concat(westOnly));

        Assert.That(lookups.SelectMany(l => l).Select(l => l.Problem), Is.All.Null);
        Assert.That(harness.Graph.Requests.SelectMany(r => r.Schedules).Count(s => s == West), Is.EqualTo(1));
    }

    [Test]
    public async Task ACallerWhoGivesUp_DoesNotCancelTheReadForTheOthers()
    {
        await using var harness = await GraphHarness.StartAsync();
        harness.Graph.AddMailbox(West);
        harness.Graph.Latency = TimeSpan.FromMilliseconds(400);
        using var impatient = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        var first = harness.Source.ReadAsync([West], Tuesday, impatient.Token); // starts the read, then cancels
        var second = harness.ReadAsync(Tuesday, West);

        Assert.That(async () => await first, Throws.InstanceOf<OperationCanceledException>());
        Assert.That((await second).Single().Calendar, Is.Not.Null);
        Assert.That(harness.Graph.ScheduleCalls, Is.EqualTo(1));
    }

    [Test]
    public async Task AFailedRead_IsSharedByItsWaiters_ButTheNextCheckAsksAgain()
    {
        await using var harness = await GraphHarness.StartAsync();
        harness.Graph.AddMailbox(West);
        harness.Graph.Latency = TimeSpan.FromMilliseconds(200);
        harness.Graph.Enqueue(FakeFault.Forbidden());

        var failed = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => harness.ReadAsync(Tuesday, West))));
        var retried = await harness.ReadAsync(Tuesday, West);

        Assert.That(failed.Select(l => l.Single().Problem?.Reason), Is.All.Contains("HTTP 403"));
        Assert.That(retried.Single().Calendar, Is.Not.Null);
        Assert.That(harness.Graph.ScheduleCalls, Is.EqualTo(2));
    }

    [Test]
    public async Task TwoSdrsReadingTheSameRsm_AtOnce_EachGetTheirOwnView()
    {
        await using var harness = await GraphHarness.StartAsync(
            s =>
            {
                s.Remove("Graph:ClientSecret");
                s.Remove("Graph:ScheduleMailbox");
                s["Graph:OnBehalfOf"] = "true";
            },
            extra: services => services.AddSingleton<IDelegatedTokenSource, Sdr>());
        harness.Graph.AddMailbox(West, m =>
        {
            m.SharesDetails = false;
            m.SharesDetailsWith.Add("a@example.com");
            m.Add(At("2026-03-10T17:00:00Z"), At("2026-03-10T18:00:00Z"), subject: "Pipeline review");
        });
        harness.Graph.DelegatedTokens["token-sdr-a"] = "a@example.com";
        harness.Graph.DelegatedTokens["token-sdr-b"] = "b@example.com";
        harness.Graph.Latency = TimeSpan.FromMilliseconds(200);

        var reads = new[] { "sdr-a", "sdr-b", "sdr-a", "sdr-b" }.Select(sdr => Task.Run(async () =>
        {
            Sdr.Current.Value = sdr;
            return (Sdr: sdr, Subject: (await harness.ReadAsync(Tuesday, West)).Single().Calendar!.Items.Single().Subject);
        }));
        var seen = await Task.WhenAll(reads);

        Assert.That(seen.Where(s => s.Sdr == "sdr-a").Select(s => s.Subject), Is.All.EqualTo("Pipeline review"));
        Assert.That(seen.Where(s => s.Sdr == "sdr-b").Select(s => s.Subject), Is.All.Null);
        Assert.That(harness.Graph.Requests.Select(r => r.Authorization).Order(), Is.EqualTo(new[] { "Bearer token-sdr-a", "Bearer token-sdr-b" }));
    }

    /// <summary>The SDR of the current async flow, as the API's request would carry it.</summary>
    private sealed class Sdr : IDelegatedTokenSource
    {
        public static readonly AsyncLocal<string?> Current = new();

        public string? CallerKey => Current.Value;

        public Task<string> GetTokenAsync(IReadOnlyList<string> scopes, CancellationToken cancellationToken) =>
            Task.FromResult($"token-{Current.Value}");
    }
}
