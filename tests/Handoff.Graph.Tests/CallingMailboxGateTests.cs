using Microsoft.Extensions.DependencyInjection;
using static Handoff.Graph.Tests.Samples;

namespace Handoff.Graph.Tests;

/// <summary>
/// The concurrency gate is keyed by the calling mailbox (Outlook's limit is per app and mailbox): with on-behalf-of
/// that is each SDR's own /me, so one SDR's checks queue behind each other but not behind another SDR's.
/// </summary>
public class CallingMailboxGateTests
{
    /// <summary>The SDR of the current async flow, as the API's request would carry it.</summary>
    private sealed class Sdr : IDelegatedTokenSource
    {
        public static readonly AsyncLocal<string?> Current = new();

        public string? CallerKey => Current.Value;

        public Task<string> GetTokenAsync(IReadOnlyList<string> scopes, CancellationToken cancellationToken) =>
            Task.FromResult($"token-{Current.Value}");
    }

    private static Task<GraphHarness> Harness() => GraphHarness.StartAsync(
        s =>
        {
            s.Remove("Graph:ClientSecret");
            s.Remove("Graph:ScheduleMailbox");
            s["Graph:OnBehalfOf"] = "true";
            s["Graph:MaxConcurrencyPerMailbox"] = "1";
            s["Graph:CacheTtl"] = "00:00:00";
            s["Graph:CheckBudget"] = "00:00:30"; // generous: these tests count requests in flight, not time
        },
        extra: services => services.AddSingleton<IDelegatedTokenSource, Sdr>());

    private static Task ReadAs(GraphHarness harness, string sdr, string rsm = West) => Task.Run(async () =>
    {
        Sdr.Current.Value = sdr;
        await harness.ReadAsync(WindowAround("2027-03-09T17:00:00Z", "2027-03-09T18:00:00Z"), rsm);
    });

    [Test]
    public async Task TwoSdrs_DoNotQueueBehindEachOther()
    {
        await using var harness = await Harness();
        harness.Graph.AddMailbox(West);
        harness.Graph.DelegatedTokens["token-sdr-a"] = "a@example.com";
        harness.Graph.DelegatedTokens["token-sdr-b"] = "b@example.com";
        harness.Graph.Latency = TimeSpan.FromMilliseconds(300);

        await Task.WhenAll(ReadAs(harness, "sdr-a"), ReadAs(harness, "sdr-b"));

        Assert.That(harness.Graph.MaxInFlight, Is.EqualTo(2));
        Assert.That(harness.Graph.Requests.Select(r => r.Path).Distinct(), Is.EqualTo(new[] { "/v1.0/me/calendar/getSchedule" }));
    }

    [Test]
    public async Task OneSdr_StaysWithinItsMailboxLimit()
    {
        await using var harness = await Harness();
        harness.Graph.AddMailbox(West);
        harness.Graph.AddMailbox(East);
        harness.Graph.DelegatedTokens["token-sdr-a"] = "a@example.com";
        harness.Graph.Latency = TimeSpan.FromMilliseconds(300);

        // Two RSMs: the same RSM day would be one shared read (SingleFlightTests).
        await Task.WhenAll(ReadAs(harness, "sdr-a", West), ReadAs(harness, "sdr-a", East));

        Assert.That(harness.Graph.MaxInFlight, Is.EqualTo(1));
        Assert.That(harness.Graph.ScheduleCalls, Is.EqualTo(2));
    }
}
