using System.Net;
using System.Text;
using Handoff.Api.Admin.Common;
using Handoff.Api.Storage;
using Handoff.Api.Tests.Support;
using Handoff.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Handoff.Api.Tests.Admin;

/// <summary>What a newcomer meets on the admin path: the seeded org's exact round trip, ETags as people type them, a
/// 415 that says what to send, one region format.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class NewcomerPathTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string Territories = "/api/v1/admin/territories";

    private async Task SeedDemoAsync()
    {
        using var scope = App.Services.CreateScope();
        await using var db = Db.OpenContext();
        Assert.That(await DemoSeed.SeedIfNeverUsedAsync(db, scope.ServiceProvider.GetRequiredService<AuditLog>(), CancellationToken.None), Is.True);
        await App.Services.GetRequiredService<StoreOrgDirectory>().RefreshAsync(CancellationToken.None);
    }

    [Test]
    public async Task The_seeded_territories_round_trip_exactly_as_csv_and_json()
    {
        await SeedDemoAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, $"{Territories}/export");
        request.Headers.Accept.ParseAdd("text/csv");
        var csv = await (await Client.SendAsync(request)).Content.ReadAsStringAsync();
        var result = await (await Client.PostAsync($"{Territories}/import", new StringContent(csv, Encoding.UTF8, "text/csv"))).JsonAsync(HttpStatusCode.OK);
        Assert.That((result["created"]!.GetValue<int>(), result["updated"]!.GetValue<int>(), result["unchanged"]!.GetValue<int>()), Is.EqualTo((0, 0, 6)), result.ToJsonString());

        var json = await (await Client.GetAsync($"{Territories}/export?format=json")).Content.ReadAsStringAsync();
        result = await (await Client.PostAsync($"{Territories}/import", new StringContent(json, Encoding.UTF8, "application/json"))).JsonAsync(HttpStatusCode.OK);
        Assert.That((result["updated"]!.GetValue<int>(), result["unchanged"]!.GetValue<int>()), Is.EqualTo((0, 6)), result.ToJsonString());
        Assert.That(await (await Client.GetAsync($"{Territories}/export?format=json")).Content.ReadAsStringAsync(), Is.EqualTo(json));
    }

    [Test]
    public async Task Seeded_and_new_field_plans_share_one_region_format()
    {
        await SeedDemoAsync();
        var plans = await (await Client.GetAsync("/api/v1/admin/field-plans")).JsonAsync(HttpStatusCode.OK);
        var regions = plans["items"]!.AsArray().Select(p => p!["place"]!["region"]!.GetValue<string>()).ToList();
        Assert.That(regions, Is.Not.Empty.And.All.Match("^[A-Z]{2}-[A-Z0-9]{1,3}$"));
        var rsms = await (await Client.GetAsync("/api/v1/admin/rsms")).JsonAsync(HttpStatusCode.OK);
        Assert.That(rsms["items"]!.AsArray().Select(r => r!["homeBase"]!["region"]!.GetValue<string>()), Is.All.Match("^[A-Z]{2}-[A-Z0-9]{1,3}$"));
    }

    [TestCase("1", HttpStatusCode.OK)]
    [TestCase("\"1\"", HttpStatusCode.OK)]
    [TestCase("\"0\", \"1\"", HttpStatusCode.OK)]
    [TestCase("*", HttpStatusCode.OK)]
    [TestCase("W/\"1\"", HttpStatusCode.PreconditionFailed)]
    [TestCase("2", HttpStatusCode.PreconditionFailed)]
    [TestCase("\"01\"", HttpStatusCode.PreconditionFailed)]
    public async Task If_match_takes_the_version_quoted_or_bare_and_compares_strongly(string ifMatch, HttpStatusCode expected)
    {
        var rsm = await CreateAsync("rsms", Samples.Rsm());
        var response = await Client.PutJsonAsync($"/api/v1/admin/rsms/{rsm["id"]}", Samples.Rsm(name: "Jo Fielding"), ifMatch);
        Assert.That(response.StatusCode, Is.EqualTo(expected), await response.Content.ReadAsStringAsync());
    }

    [TestCase(null, "/api/v1/admin/territories/import")]
    [TestCase("text/plain", "/api/v1/admin/territories/import")]
    [TestCase("text/plain", "/api/v1/leads/import")]
    [TestCase(null, "/api/v1/outcomes/import")]
    public async Task An_import_in_another_type_is_a_415_listing_the_accepted_types(string? contentType, string import)
    {
        var content = new ByteArrayContent("name\r\nX\r\n"u8.ToArray());
        if (contentType is not null)
        {
            content.Headers.ContentType = new(contentType);
        }
        var problem = await (await Client.PostAsync(import, content)).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.That(problem["accepted"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EquivalentTo(new[] { "text/csv", "application/json" }));
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("text/csv or application/json"));
    }

    [Test]
    public async Task A_json_endpoint_sent_text_is_a_415_naming_json()
    {
        var problem = await (await Client.PostAsync("/api/v1/admin/rsms", new StringContent("{}", Encoding.UTF8, "text/plain"))).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.That(problem["accepted"]!.AsArray().Select(a => a!.GetValue<string>()), Does.Contain("application/json"));
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("text/plain"));
    }
}
