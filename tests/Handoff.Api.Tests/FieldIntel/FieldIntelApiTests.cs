using System.Net;
using System.Text.Json.Nodes;
using Handoff.Api.Tests.Support;
using Handoff.Storage;
using Microsoft.EntityFrameworkCore;

namespace Handoff.Api.Tests.FieldIntel;

/// <summary>
/// Travel profiles, field reports and the check that reads them, on each provider. The clock stands at Tuesday
/// 1 December 2026 15:00 UTC; Dana is the demo's West RSM, so the demo calendars give her a Thursday plant visit in
/// Fresno ending 9:30 AM Pacific.
/// </summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class FieldIntelApiTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string Dana = "rsm.west@example.com";

    private Task CreateDanaAsync(object? travel = null) => CreateAsync("rsms", new
    {
        email = Dana, displayName = "Dana Ruiz", timeZone = "America/Los_Angeles",
        homeBase = new { text = "Fresno, CA 93706", latitude = 36.7378, longitude = -119.7871 }, travel,
    });

    private static object Report(string departed, int minutes, string? note = null) => new
    {
        rsmEmail = Dana,
        from = new { text = "Fresno, CA 93706", latitude = 36.7378, longitude = -119.7871, timeZone = "America/Los_Angeles" },
        to = new { text = "Sacramento, CA 95814", latitude = 38.5816, longitude = -121.4944, timeZone = "America/Los_Angeles" },
        departed,
        arrived = DateTimeOffset.Parse(departed).AddMinutes(minutes).ToString("yyyy-MM-ddTHH:mm:sszzz"),
        note,
    };

    private static object SacramentoCheck => new
    {
        start = "2026-12-03T18:00:00Z", end = "2026-12-03T19:00:00Z", organizerTimeZone = "America/New_York",
        attendees = new[] { Dana, "cfo@valleyscrap.example" }, location = "Sacramento, CA 95814",
    };

    private async Task<string> TravelWarningAsync()
    {
        var check = await (await Client.PostJsonAsync("/api/v1/meetings/check", SacramentoCheck)).JsonAsync(HttpStatusCode.OK);
        return check["warnings"]!.AsArray().Single(w => w!["code"]!.GetValue<string>() == "TRAVEL_TIME_BEFORE")!["message"]!.GetValue<string>();
    }

    [Test]
    public async Task The_check_cites_reported_trips_once_there_are_enough()
    {
        await CreateDanaAsync();
        for (var week = 1; week <= 2; week++)
        {
            await (await Client.PostJsonAsync("/api/v1/field-reports", Report($"2026-11-{30 - 7 * week}T09:00:00-08:00", 170))).JsonAsync(HttpStatusCode.Created);
        }
        Assert.That(await TravelWarningAsync(), Does.Not.Contain("reported"), "two reports are not enough");

        foreach (var (day, minutes) in new[] { (30, 172), (2, 168), (26, 175), (19, 420) })
        {
            var date = day == 30 ? "2026-11-30" : day == 2 ? "2026-11-02" : $"2026-10-{day}";
            await (await Client.PostJsonAsync("/api/v1/field-reports", Report($"{date}T08:45:00-08:00", minutes, minutes > 300 ? "accident on 99" : null))).JsonAsync(HttpStatusCode.Created);
        }
        var message = await TravelWarningAsync();
        Assert.That(message, Does.Contain("based on 5 trips Dana Ruiz reported").And.Contain("1 outlier set aside"));

        var list = await (await Client.GetAsync($"/api/v1/field-reports?rsm={Dana}&from=2026-11-01")).JsonAsync(HttpStatusCode.OK);
        Assert.That(list["total"]!.GetValue<int>(), Is.EqualTo(4), "16, 23 and 30 November and the 2nd; the October ones are filtered out");
        Assert.That(list["items"]![0]!["minutes"]!.GetValue<int>(), Is.EqualTo(172), "newest first");
        await using var db = App.OpenContext();
        Assert.That(await db.AuditEntries.CountAsync(a => a.Resource == "field-report"), Is.EqualTo(6));
    }

    [Test]
    public async Task Field_reports_refuse_what_would_mislead_the_estimate()
    {
        await CreateDanaAsync();
        var errors = await (await Client.PostJsonAsync("/api/v1/field-reports", new { rsmEmail = Dana, departed = "yesterday", arrived = "2026-11-30T10:00:00Z" })).ErrorsAsync();
        Assert.That(errors.Keys, Is.SupersetOf(new[] { "from", "to", "departed" }));
        errors = await (await Client.PostJsonAsync("/api/v1/field-reports", Report("2026-11-30T09:00:00-08:00", -10))).ErrorsAsync();
        Assert.That(errors["arrived"].Single(), Does.Contain("after 'departed'"));
        errors = await (await Client.PostJsonAsync("/api/v1/field-reports", Report("2026-12-01T09:00:00-08:00", 120))).ErrorsAsync();
        Assert.That(errors["arrived"].Single(), Does.Contain("future"));
        errors = await (await Client.PostJsonAsync("/api/v1/field-reports", Report("2026-11-30T09:00:00-08:00", 5))).ErrorsAsync();
        Assert.That(errors["arrived"].Single(), Does.Contain("faster than any airliner"));
        errors = await (await Client.PostJsonAsync("/api/v1/field-reports", Report("2026-11-30T09:00:00-08:00", 60 * 25))).ErrorsAsync();
        Assert.That(errors["arrived"].Single(), Does.Contain("24 hours"));
        var unknown = new JsonObject { ["rsmEmail"] = "nobody@example.com" };
        foreach (var (k, v) in JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Report("2026-11-30T09:00:00-08:00", 170), Http.Json))!.AsObject().ToArray())
        {
            if (k != "rsmEmail") { unknown[k] = v?.DeepClone(); }
        }
        errors = await (await Client.PostJsonAsync("/api/v1/field-reports", unknown)).ErrorsAsync();
        Assert.That(errors.Keys, Is.EqualTo(new[] { "rsmEmail" }));
    }

    [Test]
    public async Task Travel_profiles_are_validated_audited_and_shown_in_the_warning()
    {
        await CreateDanaAsync();
        var errors = await (await Client.PostJsonAsync("/api/v1/admin/travel-profiles", new { scope = "region", region = "California", averageSpeedKmh = 500 })).ErrorsAsync();
        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "region", "averageSpeedKmh" }));
        errors = await (await Client.PostJsonAsync("/api/v1/admin/travel-profiles", new { scope = "org" })).ErrorsAsync();
        Assert.That(errors["averageSpeedKmh"].Single(), Does.StartWith("Set at least one"));
        errors = await (await Client.PostJsonAsync("/api/v1/admin/travel-profiles", new { scope = "territory", territory = "Atlantis", lobbyWaitMinutes = 5 })).ErrorsAsync();
        Assert.That(errors["territory"].Single(), Does.Contain("Atlantis"));

        var created = await Client.PostJsonAsync("/api/v1/admin/travel-profiles", new { scope = "region", region = "us-ca", lobbyWaitMinutes = 25, averageSpeedKmh = 60 });
        var profile = await created.JsonAsync(HttpStatusCode.Created);
        Assert.That(profile["scopeKey"]!.GetValue<string>(), Is.EqualTo("US-CA"));
        await (await Client.PostJsonAsync("/api/v1/admin/travel-profiles", new { scope = "region", region = "US-CA", lobbyWaitMinutes = 5 })).ProblemAsync(HttpStatusCode.Conflict);

        var message = await TravelWarningAsync();
        Assert.That(message, Is.EqualTo("Dana Ruiz needs ~3 h 8 min (flying, with time at the airports) to get from Fresno to Sacramento after “Plant visit” that ends 9:30 AM Pacific Time, but has 30 min. Travel profile: region US-CA: 60 km/h, 25 min lobby wait."),
            "Dana has no own settings: at the region's 60 km/h the drive is over 4 h, so she flies; the lobby wait is added");

        var id = profile["id"]!.GetValue<string>();
        await (await Client.PutJsonAsync($"/api/v1/admin/travel-profiles/{id}", new { scope = "region", region = "US-CA", lobbyWaitMinutes = 40 }, null)).ProblemAsync(HttpStatusCode.PreconditionRequired);
        var replaced = await Client.PutJsonAsync($"/api/v1/admin/travel-profiles/{id}", new { scope = "region", region = "US-CA", lobbyWaitMinutes = 40 }, created.ETag());
        Assert.That((await replaced.JsonAsync(HttpStatusCode.OK))["version"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(await TravelWarningAsync(), Does.Contain("region US-CA: 40 min lobby wait").And.Not.Contain("km/h"));

        var audit = await (await Client.GetAsync("/api/v1/admin/audit?resource=travel-profile")).JsonAsync(HttpStatusCode.OK);
        Assert.That(audit["items"]!.AsArray().Select(a => a!["action"]!.GetValue<string>()), Is.EquivalentTo(new[] { "create", "update" }));
        await (await Client.DeleteAsync($"/api/v1/admin/travel-profiles/{id}", replaced.ETag())).JsonAsync(HttpStatusCode.NoContent);
        Assert.That(await TravelWarningAsync(), Does.Not.Contain("Travel profile"));
    }

    [Test]
    public async Task An_rsm_reports_only_their_own_trips()
    {
        await CreateDanaAsync();
        using var app = new HandoffApp(Db, Tokens.Settings);
        var client = app.CreateClient();
        client.Bearer(Tokens.Mint(["Handoff.Rsm"], email: "rsm.central@example.com"));
        await (await client.PostJsonAsync("/api/v1/field-reports", Report("2026-11-30T09:00:00-08:00", 170))).ProblemAsync(HttpStatusCode.Forbidden);
        client.Bearer(Tokens.Mint(["Handoff.Rsm"], email: "RSM.West@example.com"));
        await (await client.PostJsonAsync("/api/v1/field-reports", Report("2026-11-30T09:00:00-08:00", 170))).JsonAsync(HttpStatusCode.Created);
        client.Bearer(Tokens.Mint(["Handoff.Integration"]));
        await (await client.PostJsonAsync("/api/v1/field-reports", Report("2026-11-23T09:00:00-08:00", 171))).JsonAsync(HttpStatusCode.Created);
        client.Bearer(Tokens.Mint(["Handoff.Sdr"]));
        await (await client.PostJsonAsync("/api/v1/field-reports", Report("2026-11-16T09:00:00-08:00", 171))).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.That((await (await client.GetAsync("/api/v1/field-reports")).JsonAsync(HttpStatusCode.OK))["total"]!.GetValue<int>(), Is.EqualTo(2), "SDRs read reports");
    }
}
