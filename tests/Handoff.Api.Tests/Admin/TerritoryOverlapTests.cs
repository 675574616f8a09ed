using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Handoff.Api.Admin.Common;
using Handoff.Api.Storage;
using Handoff.Api.Tests.Support;
using Handoff.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Handoff.Api.Tests.Admin;

/// <summary>
/// A territory write reports where it overlaps others and who gets the shared places; the winner named is the one the
/// territory-owner endpoint then answers (the report and the router apply one precedence). On the seeded demo org.
/// </summary>
public sealed class TerritoryOverlapTests() : ApiTest(DatabaseProvider.Sqlite)
{
    private const string Territories = "/api/v1/admin/territories";

    [SetUp]
    public async Task SeedDemoAsync()
    {
        using var scope = App.Services.CreateScope();
        await using var db = Db.OpenContext();
        Assert.That(await DemoSeed.SeedIfNeverUsedAsync(db, scope.ServiceProvider.GetRequiredService<AuditLog>(), CancellationToken.None), Is.True);
        await App.Services.GetRequiredService<StoreOrgDirectory>().RefreshAsync(CancellationToken.None);
    }

    private async Task<JsonArray> OverlapsOfCreateAsync(object territory) =>
        (await (await Client.PostJsonAsync(Territories, territory)).JsonAsync(HttpStatusCode.Created))["overlaps"]!.AsArray();

    private async Task<string?> OwnerTerritoryAsync(string location, string? vertical = null) =>
        (await (await Client.GetAsync($"/api/v1/territories/owner?location={Uri.EscapeDataString(location)}{(vertical is null ? "" : $"&vertical={vertical}")}"))
            .JsonAsync(HttpStatusCode.OK))["territory"]?["name"]?.GetValue<string>();

    [Test]
    public async Task The_readmes_kern_county_shares_two_zip_prefixes_with_the_san_joaquin_valley_and_wins_them_by_name()
    {
        await CreateAsync("rsms", Samples.Rsm());
        var overlaps = await OverlapsOfCreateAsync(new { name = "Kern County", rules = new { postalPrefixes = new[] { "932", "933" } }, assignments = new[] { new { rsmEmail = "jo.field@example.com", priority = 1 } } });

        var shared = overlaps.Where(o => o!["other"]!.GetValue<string>() == "San Joaquin Valley").ToList();
        Assert.That(shared.Select(o => o!["rule"]!.GetValue<string>()), Is.EquivalentTo(new[] { "postalPrefixes: 932", "postalPrefixes: 933" }));
        Assert.That(shared.Select(o => o!["winner"]!.GetValue<string>()), Is.All.EqualTo("Kern County"));
        Assert.That(shared[0]!["resolution"]!.GetValue<string>(), Does.Contain("first by name").And.Contain("Requests naming a vertical"));
        // The prefixes also sit inside West's US-CA: the more specific rule wins there.
        var west = overlaps.Where(o => o!["other"]!.GetValue<string>() == "West").ToList();
        Assert.That(west.Select(o => o!["otherRule"]!.GetValue<string>()), Is.EqualTo(new[] { "regions: US-CA", "regions: US-CA" }));
        Assert.That(west[0]!["resolution"]!.GetValue<string>(), Is.EqualTo("A postal prefix beats a region: Kern County gets codes starting 932 in US-CA."));

        Assert.That(await OwnerTerritoryAsync("Bakersfield, CA 93301"), Is.EqualTo("Kern County"));
        Assert.That(await OwnerTerritoryAsync("Bakersfield, CA 93301", "metals-recycling"), Is.EqualTo("San Joaquin Valley"), "the vertical sentence");
        Assert.That(await OwnerTerritoryAsync("Fresno, CA 93706"), Is.EqualTo("San Joaquin Valley"), "Dana keeps Fresno");
    }

    [Test]
    public async Task A_longer_prefix_wins_the_codes_under_it_and_the_router_agrees()
    {
        await CreateAsync("rsms", Samples.Rsm());
        var overlaps = await OverlapsOfCreateAsync(new { name = "Downtown Fresno", rules = new { postalPrefixes = new[] { "93721" } }, assignments = new[] { new { rsmEmail = "jo.field@example.com", priority = 5 } } });
        var valley = overlaps.Single(o => o!["other"]!.GetValue<string>() == "San Joaquin Valley");
        Assert.That((valley!["rule"]!.GetValue<string>(), valley["otherRule"]!.GetValue<string>(), valley["winner"]!.GetValue<string>()),
            Is.EqualTo(("postalPrefixes: 93721", "postalPrefixes: 937", "Downtown Fresno")));
        Assert.That(valley["resolution"]!.GetValue<string>(), Is.EqualTo("The longer prefix wins: Downtown Fresno gets codes starting 93721, San Joaquin Valley keeps the rest of 937."));
        Assert.That(await OwnerTerritoryAsync("93721"), Is.EqualTo("Downtown Fresno"));
        Assert.That(await OwnerTerritoryAsync("93706"), Is.EqualTo("San Joaquin Valley"));
    }

    [Test]
    public async Task Two_circles_that_meet_go_to_the_nearer_centre_and_a_region_tie_to_the_better_priority()
    {
        var overlaps = await OverlapsOfCreateAsync(new
        {
            name = "Henderson", rules = new { radii = new[] { new { center = new { latitude = 36.0395, longitude = -114.9817 }, radiusKm = 40 } }, regions = new[] { "US-AZ" } },
            assignments = new[] { new { rsmEmail = "rsm.west@example.com", priority = 3 } },
        });
        var vegas = overlaps.Single(o => o!["other"]!.GetValue<string>() == "Las Vegas metro" && o["otherRule"]!.GetValue<string>().StartsWith("radii", StringComparison.Ordinal));
        Assert.That(vegas!["winner"], Is.Null);
        Assert.That(vegas["resolution"]!.GetValue<string>(), Does.StartWith("The circles overlap (centres 20.3 km apart)").And.Contain("nearer centre"));
        var arizona = overlaps.Single(o => o!["rule"]!.GetValue<string>() == "regions: US-AZ");
        Assert.That((arizona!["other"]!.GetValue<string>(), arizona["winner"]!.GetValue<string>()), Is.EqualTo(("West", "West")));
        Assert.That(arizona["resolution"]!.GetValue<string>(), Does.Contain("its owner's priority 1 comes before 3"));
        Assert.That(await OwnerTerritoryAsync("Phoenix, AZ 85004"), Is.EqualTo("West"));
        // The circle's centre is in Nevada, where West lists US-NV: the radius beats the region.
        Assert.That(overlaps.Any(o => o!["otherRule"]!.GetValue<string>() == "regions: US-NV" && o["winner"]!.GetValue<string>() == "Henderson"), Is.True);
    }

    [Test]
    public async Task A_territory_that_overlaps_none_says_so_and_reads_carry_no_overlaps()
    {
        var created = await (await Client.PostJsonAsync(Territories, new { name = "Ontario", rules = new { regions = new[] { "CA-ON" } }, assignments = new[] { new { rsmEmail = "rsm.east@example.com", priority = 1 } } }))
            .JsonAsync(HttpStatusCode.Created);
        Assert.That(created["overlaps"]!.AsArray(), Is.Empty);
        var read = await (await Client.GetAsync($"{Territories}/{created["id"]}")).JsonAsync(HttpStatusCode.OK);
        Assert.That(read.AsObject().ContainsKey("overlaps"), Is.False);
    }

    [Test]
    public async Task An_import_reports_the_overlaps_of_the_rows_it_wrote_and_an_unchanged_export_none()
    {
        var csv = "name,postalPrefixes,assignments\r\nReno,895,rsm.west@example.com:1\r\nReno North,8950,rsm.west@example.com:2\r\n";
        var result = await (await Client.PostAsync($"{Territories}/import", new StringContent(csv, Encoding.UTF8, "text/csv"))).JsonAsync(HttpStatusCode.OK);
        var overlaps = result["overlaps"]!.AsArray();
        var pair = overlaps.Where(o => o!["otherRule"]!.GetValue<string>().StartsWith("postalPrefixes", StringComparison.Ordinal)).ToList();
        Assert.That(pair, Has.Count.EqualTo(1), "two rows of one import overlap once");
        Assert.That((pair[0]!["territory"]!.GetValue<string>(), pair[0]!["winner"]!.GetValue<string>()), Is.EqualTo(("Reno", "Reno North")));
        Assert.That(overlaps.Select(o => o!["other"]!.GetValue<string>()), Does.Contain("West"));

        var export = await (await Client.GetAsync($"{Territories}/export?format=csv")).Content.ReadAsStringAsync();
        var again = await (await Client.PostAsync($"{Territories}/import", new StringContent(export, Encoding.UTF8, "text/csv"))).JsonAsync(HttpStatusCode.OK);
        Assert.That((again["updated"]!.GetValue<int>(), again["overlaps"]!.AsArray().Count), Is.EqualTo((0, 0)));
    }
}

/// <summary>One 400 lists every problem: shape (a bad region, a malformed date) and references (an unknown RSM, a place
/// that cannot be found) together, for single writes and for an import.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class OneValidationPassTests(DatabaseProvider provider) : ApiTest(provider)
{
    [Test]
    public async Task A_territory_with_a_bad_region_and_an_unknown_rsm_gets_both_in_one_answer()
    {
        var errors = await (await Client.PostJsonAsync("/api/v1/admin/territories", new
        {
            name = "Somewhere", rules = new { regions = new[] { "US-XX" } }, assignments = new[] { new { rsmEmail = "nobody@example.com", priority = 1 } },
        })).ErrorsAsync();
        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "rules.regions[0]", "assignments[0].rsmEmail" }));
        Assert.That(errors["assignments[0].rsmEmail"][0], Is.EqualTo("No RSM has the e-mail nobody@example.com: create the RSM first."));
    }

    [Test]
    public async Task A_field_plan_with_a_bad_date_an_unknown_rsm_and_an_unknown_place_gets_all_three()
    {
        var response = await Client.PostJsonAsync("/api/v1/admin/field-plans", new
        {
            rsmEmail = "nobody@example.com", from = "2026-13-01", to = "2026-12-09", place = new { text = "Qwxzv Plmnt" }, confidence = 80,
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.ErrorsAsync()).Keys, Is.EquivalentTo(new[] { "from", "rsmEmail", "place.text" }));
    }

    [Test]
    public async Task A_travel_profile_with_a_bad_speed_and_an_unknown_territory_gets_both()
    {
        var errors = await (await Client.PostJsonAsync("/api/v1/admin/travel-profiles", new { scope = "territory", territory = "Atlantis", averageSpeedKmh = 500 })).ErrorsAsync();
        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "territory", "averageSpeedKmh" }));
        Assert.That(errors["territory"].Single(), Is.EqualTo("No territory is called or has the id 'Atlantis'."));
    }

    [Test]
    public async Task A_malformed_email_is_the_shape_rules_answer_not_an_unknown_rsm()
    {
        var errors = await (await Client.PostJsonAsync("/api/v1/admin/field-plans", Samples.FieldPlan(rsmEmail: "not-an-email"))).ErrorsAsync();
        Assert.That(errors["rsmEmail"][0], Does.Contain("not a valid e-mail"));
    }

    [Test]
    public async Task An_import_reports_a_row_shape_error_and_another_rows_unknown_rsm_together()
    {
        var csv = "name,regions,assignments\r\nA,US-XX,\r\nB,US-CA,nobody@example.com:1\r\n";
        var errors = await (await Client.PostAsync("/api/v1/admin/territories/import", new StringContent(csv, Encoding.UTF8, "text/csv"))).ErrorsAsync();
        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "territories[0].rules.regions[0]", "territories[1].assignments[0].rsmEmail" }));
        Assert.That(errors["territories[1].assignments[0].rsmEmail"][0], Does.StartWith("CSV line 3: No RSM has the e-mail nobody@example.com"));
    }
}
