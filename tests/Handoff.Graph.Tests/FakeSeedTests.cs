using Handoff.Graph.Fake;
using Handoff.Scheduling.Calendars;
using NodaTime;
using static Handoff.Graph.Tests.Samples;

namespace Handoff.Graph.Tests;

/// <summary>The seed of tools/graph-fake loads, and the reader sees it as the file describes.</summary>
public class FakeSeedTests
{
    [Test]
    public async Task ShippedCalendars_ReadThroughTheSdk_AsDescribed()
    {
        await using var harness = await GraphHarness.StartAsync();
        var today = At("2026-11-22T12:00:00Z");
        FakeSeed.Load(harness.Graph, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "calendars.json")), today);

        // Tuesday 2026-11-24, the week after "today".
        var lookups = await harness.ReadAsync(WindowAround("2026-11-24T18:00:00Z", "2026-11-24T19:00:00Z"),
            "rsm.west@example.com", "rsm.east@example.com", "rsm.mountain@example.com");

        var west = lookups[0].Calendar!;
        var tour = west.Items.Single(i => i.Subject == "Plant tour (Graph)");
        Assert.That(tour.Interval.Start, Is.EqualTo(At("2026-11-24T17:00:00Z")), "09:00 Pacific Standard Time");
        Assert.That(west.Zone, Is.EqualTo(DateTimeZoneProviders.Tzdb["America/Los_Angeles"]));
        var east = lookups[1].Calendar!;
        Assert.That(east.Zone!.GetUtcOffset(At("2026-11-24T12:00:00Z")), Is.EqualTo(Offset.FromHours(-5)));
        Assert.That(east.Items.Select(i => (i.Subject, i.Location)), Is.All.EqualTo(((string?)null, (string?)null)), "free/busy only");
        Assert.That(lookups[2].Problem, Is.EqualTo(new CalendarProblem("Microsoft 365 does not know this address", Outage: false)));
    }
}
