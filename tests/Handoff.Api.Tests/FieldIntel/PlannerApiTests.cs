using System.Net;
using Handoff.Api.Tests.Support;
using Handoff.Storage;

namespace Handoff.Api.Tests.FieldIntel;

/// <summary>Plan accuracy, the planner (JSON and CSV) and down-the-street over HTTP, on each provider (demo calendars).</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class PlannerApiTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string Dana = "rsm.west@example.com";

    private Task CreateDanaAsync() => CreateAsync("rsms", new
    {
        email = Dana, displayName = "Dana Ruiz", timeZone = "America/Los_Angeles",
        homeBase = new { text = "Fresno, CA 93706", latitude = 36.7378, longitude = -119.7871 },
    });

    private Task PlanAsync(string from, string to, string place, double lat, double lon, int confidence) => CreateAsync("field-plans", new
    {
        rsmEmail = Dana, from, to, place = new { text = place, latitude = lat, longitude = lon, timeZone = "America/Los_Angeles", region = "US-CA" }, confidence,
    });

    [Test]
    public async Task Accuracy_compares_past_plans_with_the_calendar()
    {
        await CreateDanaAsync();
        // The demo calendar puts Dana in Sacramento on Mondays and in Fresno on Tuesdays.
        await PlanAsync("2026-11-23", "2026-11-23", "Sacramento, CA 95814", 38.5816, -121.4944, 90);
        await PlanAsync("2026-11-24", "2026-11-24", "Los Angeles, CA 90021", 34.0294, -118.2386, 80);
        await PlanAsync("2026-12-07", "2026-12-08", "Los Angeles, CA 90021", 34.0294, -118.2386, 80); // future: not judged

        var report = await (await Client.GetAsync("/api/v1/field-plans/accuracy?from=2026-11-01&to=2026-11-30")).JsonAsync(HttpStatusCode.OK);

        Assert.Multiple(() =>
        {
            Assert.That(report["summary"]!.GetValue<string>(), Is.EqualTo("Field plans came true 1 times out of 2 (50 %); stated confidence averaged 85 %."));
            Assert.That(report["plans"]!.AsArray().Select(p => p!["verdict"]!.GetValue<string>()), Is.EqualTo(new[] { "cameTrue", "didNotHappen" }));
            Assert.That(report["rsms"]![0]!["unplannedTrips"]!.GetValue<int>(), Is.EqualTo(8), "the other November Mondays in Sacramento (2, 9, 16, 30) and the Wednesdays in Bakersfield (4, 11, 18, 25)");
            Assert.That(report["calibration"]!.AsArray().Single(c => c!["to"]!.GetValue<int>() == 100)!["plans"]!["rate"]!.GetValue<double>(), Is.EqualTo(1));
        });
        var errors = await (await Client.GetAsync("/api/v1/field-plans/accuracy?to=2026-12-05")).ErrorsAsync();
        Assert.That(errors["to"].Single(), Does.Contain("2026-11-30 or earlier"));
        errors = await (await Client.GetAsync("/api/v1/field-plans/accuracy?from=last%20week")).ErrorsAsync();
        Assert.That(errors.Keys, Is.EqualTo(new[] { "from" }));
    }

    [Test]
    public async Task Planner_shows_the_weeks_ahead_by_place_and_exports_csv()
    {
        await CreateDanaAsync();
        await PlanAsync("2026-12-09", "2026-12-10", "Sacramento, CA 95814", 38.5816, -121.4944, 80);

        var planner = await (await Client.GetAsync("/api/v1/planner?from=2026-12-07&to=2026-12-13")).JsonAsync(HttpStatusCode.OK);
        var week = planner["weeks"]!.AsArray().Single()!;
        Assert.That(week["week"]!.GetValue<string>(), Is.EqualTo("2026-12-07"));
        var sacramento = week["places"]!.AsArray().Single(p => p!["cluster"]!.GetValue<string>() == "Sacramento, CA")!;
        var dana = sacramento["rsms"]!.AsArray().Single()!;
        Assert.Multiple(() =>
        {
            Assert.That(dana["days"]!.AsArray().Select(d => d!.GetValue<string>()), Is.EqualTo(new[] { "2026-12-07", "2026-12-09", "2026-12-10" }), "Monday's meeting and the plan");
            Assert.That(dana["plans"]![0]!["confidence"]!.GetValue<int>(), Is.EqualTo(80));
            Assert.That(dana["meetings"]![0]!["start"]!.GetValue<string>(), Is.EqualTo("2026-12-07T13:30:00-08:00"));
            Assert.That(dana["summary"]!.GetValue<string>(), Does.StartWith("Dana Ruiz is in Sacramento, CA Mon, Wed–Thu"));
            Assert.That(sacramento["territories"]!.AsArray(), Is.Empty, "no territories in this store");
            // The demo calendar holds a plan day's in-person items at the plan's place, so all three days count here:
            // Mon 9 h − 1 h call − 1.5 h meeting = 6.5; Wed 9 − 1 private − 2.5 working elsewhere = 5.5; Thu 9 − 1.5 visit − 1 call = 6.5.
            Assert.That(dana["openHours"]!.GetValue<double>(), Is.EqualTo(18.5));
        });

        var csv = await Client.GetAsync("/api/v1/planner?from=2026-12-07&to=2026-12-13&format=csv");
        Assert.That(csv.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Is.EqualTo("week,place,territories,rsm_email,rsm_name,days,plans,meetings,open_hours"));
        Assert.That(lines, Has.Some.StartsWith("2026-12-07,\"Sacramento, CA\",,rsm.west@example.com,Dana Ruiz,2026-12-07 2026-12-09 2026-12-10,Sacramento 2026-12-09..2026-12-10 (80 %),3,18.5"));

        var errors = await (await Client.GetAsync("/api/v1/planner?from=2026-12-07&to=2027-06-01")).ErrorsAsync();
        Assert.That(errors["to"].Single(), Does.Contain("92 days"));
        errors = await (await Client.GetAsync("/api/v1/planner?format=xlsx")).ErrorsAsync();
        Assert.That(errors.Keys, Is.EqualTo(new[] { "format" }));
    }

    [Test]
    public async Task Down_the_street_lists_open_slots_and_nearby_places()
    {
        await CreateDanaAsync();
        var trips = await (await Client.GetAsync($"/api/v1/planner/trips?rsm={Dana}&from=2026-12-07&to=2026-12-07&radiusKm=30")).JsonAsync(HttpStatusCode.OK);
        var monday = trips["trips"]!.AsArray().Single()!;
        Assert.Multiple(() =>
        {
            Assert.That(monday["subject"]!.GetValue<string>(), Is.EqualTo("Customer meeting"));
            Assert.That(monday["openBefore"]!.AsArray().Select(s => s!["label"]!.GetValue<string>()),
                Is.EqualTo(new[] { "8:00–9:00 AM Pacific Time (1 h)", "10:00 AM–1:30 PM Pacific Time (3 h 30 min)" }));
            Assert.That(monday["openAfter"]!.AsArray().Select(s => s!["minutes"]!.GetValue<int>()), Is.EqualTo(new[] { 120 }));
        });
        var errors = await (await Client.GetAsync("/api/v1/planner/trips?rsm=nobody@example.com&radiusKm=0")).ErrorsAsync();
        Assert.That(errors.Keys, Is.EqualTo(new[] { "rsm" }));
        errors = await (await Client.GetAsync($"/api/v1/planner/trips?rsm={Dana}&radiusKm=900")).ErrorsAsync();
        Assert.That(errors.Keys, Is.EqualTo(new[] { "radiusKm" }));
    }
}
