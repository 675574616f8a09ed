using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Handoff.Api.Observability;
using Handoff.Api.Tests.Support;
using Handoff.Storage;

namespace Handoff.Api.Tests.Hardening;

/// <summary>The meter "Handoff.Api" counts checks by verdict, for any OpenTelemetry exporter to pick up.</summary>
public sealed class TelemetryTests() : ApiTest(DatabaseProvider.Sqlite)
{
    [Test]
    public async Task A_check_is_counted_with_its_verdict()
    {
        var seen = new ConcurrentBag<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == HandoffTelemetry.Name && instrument.Name == "handoff.checks")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "verdict") { seen.Add((string)tag.Value!); }
            }
        });
        listener.Start();
        var response = await Client.PostJsonAsync("/api/v1/meetings/check", new
        {
            start = "2026-12-03T18:00:00Z", end = "2026-12-03T19:00:00Z", organizerTimeZone = "America/New_York", attendees = new[] { "cfo@acme.example" },
        });
        var verdict = (await response.JsonAsync(System.Net.HttpStatusCode.OK))["verdict"]!.GetValue<string>();
        Assert.That(seen, Does.Contain(verdict));
    }
}
