using System.Net;
using Handoff.Api.Tests.Support;
using Handoff.Storage;

namespace Handoff.Api.Tests.Admin;

[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class FieldPlansAndAuditTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string Url = "/api/v1/admin/field-plans";

    [Test]
    public async Task Field_plan_crud_round_trip()
    {
        var rsm = await CreateAsync("rsms", Samples.Rsm());
        var plan = await CreateAsync("field-plans", Samples.FieldPlan());
        var id = plan["id"]!.GetValue<Guid>();
        var got = await (await Client.GetAsync($"{Url}/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(got["rsmId"]!.GetValue<Guid>(), Is.EqualTo(rsm["id"]!.GetValue<Guid>()));
            Assert.That(got["from"]!.GetValue<string>(), Is.EqualTo("2026-12-07"));
            Assert.That(got["to"]!.GetValue<string>(), Is.EqualTo("2026-12-09"));
            Assert.That(got["place"]!["text"]!.GetValue<string>(), Is.EqualTo("Sacramento, CA 95814"));
            Assert.That(got["confidence"]!.GetValue<int>(), Is.EqualTo(80));
            Assert.That(got["note"]!.GetValue<string>(), Is.EqualTo("Trade show"));
        });
        var put = await Client.PutJsonAsync($"{Url}/{id}", Samples.FieldPlan(confidence: 40), "\"1\"");
        Assert.That((await put.JsonAsync(HttpStatusCode.OK))["confidence"]!.GetValue<int>(), Is.EqualTo(40));
        Assert.That((await Client.DeleteAsync($"{Url}/{id}", "\"2\"")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await (await Client.GetAsync($"{Url}/{id}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Field_plans_need_an_existing_rsm()
    {
        var errors = await (await Client.PostJsonAsync(Url, Samples.FieldPlan("ghost@example.com"))).ErrorsAsync();
        Assert.That(errors.Keys, Does.Contain("rsmEmail"));
    }

    [Test]
    public async Task List_filters_by_rsm_and_overlapping_dates()
    {
        await CreateAsync("rsms", Samples.Rsm());
        await CreateAsync("rsms", Samples.Rsm("kim@example.com", "Kim"));
        await CreateAsync("field-plans", Samples.FieldPlan(from: "2026-12-01", to: "2026-12-03"));
        await CreateAsync("field-plans", Samples.FieldPlan(from: "2026-12-10", to: "2026-12-12"));
        await CreateAsync("field-plans", Samples.FieldPlan("kim@example.com", "2026-12-02", "2026-12-02"));
        Assert.That(await Total($"{Url}?rsm=jo.field@example.com"), Is.EqualTo(2));
        Assert.That(await Total($"{Url}?from=2026-12-03&to=2026-12-10"), Is.EqualTo(2));
        Assert.That(await Total($"{Url}?from=2026-12-04&to=2026-12-09"), Is.Zero);
        Assert.That(await Total($"{Url}?rsm=kim@example.com&from=2026-12-02"), Is.EqualTo(1));
        var errors = await (await Client.GetAsync($"{Url}?from=tomorrow")).ErrorsAsync();
        Assert.That(errors.Keys, Does.Contain("from"));
    }

    [Test]
    public async Task Audit_records_who_when_and_what_for_each_write()
    {
        var id = (await CreateAsync("rsms", Samples.Rsm()))["id"]!.GetValue<Guid>();
        App.Clock.AdvanceMinutes(5);
        await Client.PutJsonAsync($"{Url.Replace("field-plans", "rsms")}/{id}", Samples.Rsm(name: "Jo Renamed"), "\"1\"");
        App.Clock.AdvanceMinutes(5);
        await Client.DeleteAsync($"/api/v1/admin/rsms/{id}", "\"2\"");

        var audit = await (await Client.GetAsync($"/api/v1/admin/audit?resource=rsm&resourceId={id}")).JsonAsync(HttpStatusCode.OK);
        var items = audit["items"]!.AsArray();
        Assert.That(items.Select(i => i!["action"]!.GetValue<string>()), Is.EqualTo(new[] { "delete", "update", "create" }));
        Assert.Multiple(() =>
        {
            Assert.That(items[0]!["actor"]!.GetValue<string>(), Is.EqualTo("demo"));
            Assert.That(items[0]!["at"]!.GetValue<string>(), Is.EqualTo("2026-12-01T15:10:00Z"));
            Assert.That(items[2]!["at"]!.GetValue<string>(), Is.EqualTo("2026-12-01T15:00:00Z"));
            Assert.That(items[2]!["changes"]!["after"]!["email"]!.GetValue<string>(), Is.EqualTo("jo.field@example.com"));
            var changed = items[1]!["changes"]!["changed"]!.AsObject();
            Assert.That(changed.Select(p => p.Key), Is.EqualTo(new[] { "displayName" }));
            Assert.That(changed["displayName"]!["from"]!.GetValue<string>(), Is.EqualTo("Jo Field"));
            Assert.That(changed["displayName"]!["to"]!.GetValue<string>(), Is.EqualTo("Jo Renamed"));
            Assert.That(items[0]!["changes"]!["before"]!["displayName"]!.GetValue<string>(), Is.EqualTo("Jo Renamed"));
        });
        var windowed = await (await Client.GetAsync("/api/v1/admin/audit?from=2026-12-01T15:04:00Z&to=2026-12-01T15:06:00Z")).JsonAsync(HttpStatusCode.OK);
        Assert.That(windowed["total"]!.GetValue<int>(), Is.EqualTo(1));
    }

    private async Task<int> Total(string url) => (await (await Client.GetAsync(url)).JsonAsync(HttpStatusCode.OK))["total"]!.GetValue<int>();
}
