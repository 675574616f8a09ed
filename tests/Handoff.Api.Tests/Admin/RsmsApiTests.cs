using System.Net;
using Handoff.Api.Tests.Support;
using Handoff.Storage;

namespace Handoff.Api.Tests.Admin;

[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class RsmsApiTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string Url = "/api/v1/admin/rsms";

    [Test]
    public async Task Create_then_get_round_trips_every_field_with_an_etag()
    {
        var created = await Client.PostJsonAsync(Url, Samples.Rsm());
        var body = await created.JsonAsync(HttpStatusCode.Created);
        var id = body["id"]!.GetValue<Guid>();
        Assert.That(created.Headers.Location!.ToString(), Is.EqualTo($"{Url}/{id}"));
        Assert.That(created.ETag(), Is.EqualTo("\"1\""));

        var got = await Client.GetAsync($"{Url}/{id}");
        var rsm = await got.JsonAsync(HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(got.ETag(), Is.EqualTo("\"1\""));
            Assert.That(rsm["version"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(rsm["email"]!.GetValue<string>(), Is.EqualTo("jo.field@example.com"));
            Assert.That(rsm["displayName"]!.GetValue<string>(), Is.EqualTo("Jo Field"));
            Assert.That(rsm["timeZone"]!.GetValue<string>(), Is.EqualTo("America/Los_Angeles"));
            Assert.That(rsm["homeBase"]!["text"]!.GetValue<string>(), Is.EqualTo("Fresno, CA 93706"));
            Assert.That(rsm["homeBase"]!["latitude"]!.GetValue<double>(), Is.EqualTo(36.7378));
            Assert.That(rsm["workingHours"]!["monday"]!["start"]!.GetValue<string>(), Is.EqualTo("08:00"));
            Assert.That(rsm["workingHours"]!["friday"]!["end"]!.GetValue<string>(), Is.EqualTo("12:00"));
            Assert.That(rsm["workingHours"]!["wednesday"], Is.Null);
            Assert.That(rsm["verticals"]!.AsArray().Select(v => v!.GetValue<string>()), Is.EqualTo(new[] { "metals-recycling" }));
            Assert.That(rsm["travel"]!["averageSpeedKmh"]!.GetValue<double>(), Is.EqualTo(80));
            Assert.That(rsm["travel"]!["bufferBeforeMinutes"]!.GetValue<int>(), Is.EqualTo(15));
            Assert.That(rsm["active"]!.GetValue<bool>(), Is.True);
            Assert.That(rsm["createdAt"]!.GetValue<string>(), Is.EqualTo("2026-12-01T15:00:00Z"));
        });
    }

    [Test]
    public async Task Windows_zone_ids_are_stored_as_IANA()
    {
        var rsm = await CreateAsync("rsms", new { email = "a@example.com", displayName = "A", timeZone = "Eastern Standard Time" });
        Assert.That(rsm["timeZone"]!.GetValue<string>(), Is.EqualTo("America/New_York"));
    }

    [Test]
    public async Task Replace_with_if_match_bumps_the_version_and_clears_omitted_fields()
    {
        var id = (await CreateAsync("rsms", Samples.Rsm()))["id"]!.GetValue<Guid>();
        var put = await Client.PutJsonAsync($"{Url}/{id}", new { email = "jo.field@example.com", displayName = "Jo Field-Smith", active = false }, "\"1\"");
        var body = await put.JsonAsync(HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(put.ETag(), Is.EqualTo("\"2\""));
            Assert.That(body["version"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(body["displayName"]!.GetValue<string>(), Is.EqualTo("Jo Field-Smith"));
            Assert.That(body["active"]!.GetValue<bool>(), Is.False);
            Assert.That(body["homeBase"], Is.Null);
            Assert.That(body["workingHours"], Is.Null);
        });
    }

    [Test]
    public async Task Replacing_with_the_same_values_writes_nothing()
    {
        var id = (await CreateAsync("rsms", Samples.Rsm()))["id"]!.GetValue<Guid>();
        var put = await Client.PutJsonAsync($"{Url}/{id}", Samples.Rsm(), "\"1\"");
        Assert.That((await put.JsonAsync(HttpStatusCode.OK))["version"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task Delete_with_if_match_removes_the_rsm_and_their_field_plans()
    {
        var id = (await CreateAsync("rsms", Samples.Rsm()))["id"]!.GetValue<Guid>();
        await CreateAsync("field-plans", Samples.FieldPlan());
        var deleted = await Client.DeleteAsync($"{Url}/{id}", "\"1\"");
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await (await Client.GetAsync($"{Url}/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        var plans = await (await Client.GetAsync("/api/v1/admin/field-plans")).JsonAsync(HttpStatusCode.OK);
        Assert.That(plans["total"]!.GetValue<int>(), Is.Zero);
        var audit = await (await Client.GetAsync("/api/v1/admin/audit?resource=field-plan")).JsonAsync(HttpStatusCode.OK);
        Assert.That(audit["items"]![0]!["action"]!.GetValue<string>(), Is.EqualTo("delete"), "the cascaded field plan is audited");
    }

    [Test]
    public async Task Unknown_ids_are_404_for_get_put_and_delete()
    {
        var url = $"{Url}/{Guid.NewGuid()}";
        await (await Client.GetAsync(url)).ProblemAsync(HttpStatusCode.NotFound);
        await (await Client.PutJsonAsync(url, Samples.Rsm(), "\"1\"")).ProblemAsync(HttpStatusCode.NotFound);
        await (await Client.DeleteAsync(url, "\"1\"")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task A_duplicate_email_is_409_ignoring_case_on_create_and_on_replace()
    {
        await CreateAsync("rsms", Samples.Rsm("jo.field@example.com"));
        var problem = await (await Client.PostJsonAsync(Url, Samples.Rsm("JO.FIELD@Example.COM"))).ProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("JO.FIELD@Example.COM"));

        var other = (await CreateAsync("rsms", Samples.Rsm("other@example.com")))["id"]!.GetValue<Guid>();
        await (await Client.PutJsonAsync($"{Url}/{other}", Samples.Rsm("Jo.Field@example.com"), "\"1\"")).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task An_rsm_who_covers_a_territory_cannot_be_deleted()
    {
        var id = (await CreateAsync("rsms", Samples.Rsm()))["id"]!.GetValue<Guid>();
        await CreateAsync("territories", Samples.Territory());
        var problem = await (await Client.DeleteAsync($"{Url}/{id}", "\"1\"")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("Central Valley"));
    }

    [Test]
    public async Task List_pages_with_a_total_and_filters_by_active_vertical_and_text()
    {
        for (var i = 0; i < 7; i++)
        {
            await CreateAsync("rsms", Samples.Rsm($"rsm{i}@example.com", $"Rep {i}", active: i % 2 == 0, verticals: i < 3 ? ["mining"] : ["packaging"]));
        }
        var page2 = await (await Client.GetAsync($"{Url}?page=2&pageSize=3")).JsonAsync(HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(page2["total"]!.GetValue<int>(), Is.EqualTo(7));
            Assert.That(page2["page"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(page2["items"]!.AsArray().Select(r => r!["displayName"]!.GetValue<string>()), Is.EqualTo(new[] { "Rep 3", "Rep 4", "Rep 5" }));
        });
        Assert.That((await Total($"{Url}?active=true")), Is.EqualTo(4));
        Assert.That((await Total($"{Url}?vertical=MINING")), Is.EqualTo(3));
        Assert.That((await Total($"{Url}?q=rep%205")), Is.EqualTo(1));
        Assert.That((await Total($"{Url}?q=RSM6@")), Is.EqualTo(1));
        Assert.That((await Total($"{Url}?active=false&vertical=packaging")), Is.EqualTo(2));
    }

    [TestCase("page=0", "page")]
    [TestCase("pageSize=0", "pageSize")]
    [TestCase("pageSize=501", "pageSize")]
    public async Task Bad_paging_is_400_naming_the_parameter(string query, string field)
    {
        var errors = await (await Client.GetAsync($"{Url}?{query}")).ErrorsAsync();
        Assert.That(errors.Keys, Does.Contain(field));
    }

    private async Task<int> Total(string url) => (await (await Client.GetAsync(url)).JsonAsync(HttpStatusCode.OK))["total"]!.GetValue<int>();
}
