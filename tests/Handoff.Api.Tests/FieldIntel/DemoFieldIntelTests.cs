using System.Net;
using Handoff.Api.Tests.Support;
using Handoff.Storage;

namespace Handoff.Api.Tests.FieldIntel;

/// <summary>The embedded default: the demo seed's field intel makes the check cite reported trips, fills the planner and the accuracy report.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class DemoFieldIntelTests(DatabaseProvider provider)
{
    [Test]
    public async Task The_demo_cites_reported_trips_plans_the_coming_weeks_and_measures_past_plans()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new HandoffApp(database, new Dictionary<string, string?> { ["Demo:Seed"] = null });
        var client = app.CreateClient();

        // The README's Sacramento check: Thursday 3 December, 10:00 AM Pacific, after Dana's 9:30 plant visit in Fresno.
        var check = await (await client.PostJsonAsync("/api/v1/meetings/check", new
        {
            start = "2026-12-03T18:00:00Z", end = "2026-12-03T19:00:00Z", organizerTimeZone = "Eastern Standard Time",
            attendees = new[] { "rsm.west@example.com", "cfo@valleyscrap.example" }, location = "Valley Scrap Metals, Sacramento, CA 95811",
        })).JsonAsync(HttpStatusCode.OK);
        var travel = check["warnings"]!.AsArray().Single(w => w!["code"]!.GetValue<string>() == "TRAVEL_TIME_BEFORE")!["message"]!.GetValue<string>();
        Assert.That(travel, Does.Contain("based on 6 trips Dana Ruiz reported").And.Contain("1 outlier set aside"));

        var planner = await (await client.GetAsync("/api/v1/planner")).JsonAsync(HttpStatusCode.OK);
        Assert.That(planner["weeks"]!.AsArray().Count, Is.EqualTo(5), "today and four weeks on, Monday-aligned");
        Assert.That(planner["weeks"]![1]!["places"]!.AsArray().Select(p => p!["cluster"]!.GetValue<string>()), Does.Contain("Sacramento, CA").And.Contain("Milwaukee, WI"));

        var accuracy = await (await client.GetAsync("/api/v1/field-plans/accuracy")).JsonAsync(HttpStatusCode.OK);
        Assert.That(accuracy["summary"]!.GetValue<string>(), Does.Match(@"^Field plans came true \d+ times out of \d+ \(\d+ %\)"));
        Assert.That(accuracy["org"]!["judged"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(30));

        var profiles = await (await client.GetAsync("/api/v1/admin/travel-profiles")).JsonAsync(HttpStatusCode.OK);
        Assert.That(profiles.AsArray().Select(p => p!["scopeKey"]!.GetValue<string>()), Does.Contain("US-IL"));
    }
}
