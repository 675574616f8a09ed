using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Handoff.Api.Tests.Support;
using Handoff.Storage;
using Microsoft.EntityFrameworkCore;
using static Handoff.Api.Tests.Baton.BatonSamples;

namespace Handoff.Api.Tests.Baton;

/// <summary>Lead context in: upsert, validation, import all or nothing, and what the pane reads back.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class LeadsApiTests(DatabaseProvider provider) : ApiTest(provider)
{
    [Test]
    public async Task Put_creates_then_updates_and_the_same_content_again_changes_nothing()
    {
        var created = await Client.PutJsonAsync($"/api/v1/leads/{Prospect}", Lead(), null);
        var body = await created.JsonAsync(HttpStatusCode.Created);
        Assert.That(body["lifecycleStage"]!.GetValue<string>(), Is.EqualTo("marketingqualifiedlead"), "MQL is understood and stored by its full name");
        Assert.That(created.ETag(), Is.EqualTo("\"1\""));

        var again = await Client.PutJsonAsync($"/api/v1/leads/{Prospect.ToUpperInvariant()}", Lead(), null);
        Assert.That((await again.JsonAsync(HttpStatusCode.OK))["version"]!.GetValue<int>(), Is.EqualTo(1));

        var changed = await Client.PutJsonAsync($"/api/v1/leads/{Prospect}", Lead(score: 80), "\"1\"");
        Assert.That((await changed.JsonAsync(HttpStatusCode.OK))["version"]!.GetValue<int>(), Is.EqualTo(2));
        await (await Client.PutJsonAsync($"/api/v1/leads/{Prospect}", Lead(score: 90), "\"1\"")).ProblemAsync(HttpStatusCode.PreconditionFailed);

        await using var db = Db.OpenContext();
        Assert.That(await db.AuditEntries.CountAsync(a => a.Resource == "lead"), Is.EqualTo(2), "a create and one update; the repeat wrote nothing");
    }

    [Test]
    public async Task Bad_fields_are_400_naming_each_field()
    {
        var errors = await (await Client.PutJsonAsync("/api/v1/leads/not-an-email", Lead(), null)).ErrorsAsync();
        Assert.That(errors.Keys, Does.Contain("email"));

        errors = await (await Client.PutJsonAsync($"/api/v1/leads/{Prospect}", new
        {
            score = 5000,
            lifecycleStage = "hot",
            cameInAt = "yesterday",
            vertical = "metals recycling",
            campaign = new string('x', 201),
            activities = new[] { new { at = "2026-11-30T15:00:00Z", kind = "", title = "t", url = "ftp://x" } },
            customFields = Enumerable.Range(0, 21).ToDictionary(i => $"f{i}", i => "v"),
        }, null)).ErrorsAsync();
        Assert.That(errors.Keys, Is.SupersetOf(new[] { "score", "lifecycleStage", "cameInAt", "vertical", "campaign", "activities[0].kind", "activities[0].url", "customFields" }));
    }

    [Test]
    public async Task Json_import_is_all_or_nothing()
    {
        var bad = new object[]
        {
            new { email = "a@acme.example", score = 10 },
            new { email = "b@acme.example", score = -1 },
            new { email = "A@acme.example" },
        };
        var errors = await (await Client.PostJsonAsync("/api/v1/leads/import", bad)).ErrorsAsync();
        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "leads[1].score", "leads[2].email" }));
        await using (var db = Db.OpenContext())
        {
            Assert.That(await db.Leads.CountAsync(), Is.Zero, "nothing written");
        }

        var good = await (await Client.PostJsonAsync("/api/v1/leads/import", new object[] { new { email = "a@acme.example", score = 10 }, new { email = "b@acme.example", lifecycleStage = "sql" } }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.That(good["created"]!.GetValue<int>(), Is.EqualTo(2));
        var repeat = await (await Client.PostJsonAsync("/api/v1/leads/import", new object[] { new { email = "a@acme.example", score = 10 }, new { email = "b@acme.example", lifecycleStage = "sql" } }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.That(repeat["unchanged"]!.GetValue<int>(), Is.EqualTo(2));
    }

    [Test]
    public async Task Csv_import_names_the_line_and_reads_custom_columns()
    {
        const string bad = "email,score,lifecycleStage,custom.sites\r\nx@acme.example,12,lead,3\r\ny@acme.example,many,lead,1\r\n";
        var errors = await (await Client.PostAsync("/api/v1/leads/import", new StringContent(bad, Encoding.UTF8, "text/csv"))).ErrorsAsync();
        Assert.That(errors["leads[1].score"][0], Does.StartWith("CSV line 3"));

        const string good = "email,campaign,score,lifecycleStage,custom.sites,activities\r\n" +
            "x@acme.example,Spring promo,12,lead,3,\"[{\"\"at\"\":\"\"2026-11-30T10:00:00Z\"\",\"\"kind\"\":\"\"form\"\",\"\"title\"\":\"\"Asked for a quote\"\"}]\"\r\n";
        await (await Client.PostAsync("/api/v1/leads/import", new StringContent(good, Encoding.UTF8, "text/csv"))).JsonAsync(HttpStatusCode.OK);
        var lead = await (await Client.GetAsync("/api/v1/leads/x@acme.example")).JsonAsync(HttpStatusCode.OK);
        Assert.That(lead["customFields"]!["sites"]!.GetValue<string>(), Is.EqualTo("3"));
        Assert.That(lead["activities"]![0]!["title"]!.GetValue<string>(), Is.EqualTo("Asked for a quote"));
    }

    [Test]
    public async Task Context_gives_the_pane_one_line_per_lead_and_the_verticals_talking_points()
    {
        await (await Client.PutJsonAsync($"/api/v1/leads/{Prospect}", Lead(), null)).JsonAsync(HttpStatusCode.Created);
        await (await Client.PutJsonAsync("/api/v1/admin/handoff-settings", Settings(), "\"0\"")).JsonAsync(HttpStatusCode.OK);

        var context = await (await Client.GetAsync($"/api/v1/leads/context?email=jo.field@example.com&email={Prospect}")).JsonAsync(HttpStatusCode.OK);

        Assert.That(context["leads"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(context["leads"]![0]!["summary"]!.GetValue<string>(),
            Is.EqualTo("Came in from the 'Scrap yard security' webinar 2 days ago · score 72 · marketing-qualified · downloaded the access-control checklist"));
        Assert.That(context["talkingPoints"]![0]!.GetValue<string>(), Does.StartWith("Copper theft"));
        Assert.That(context["productMessaging"]!.GetValue<string>(), Is.EqualTo("One console for every site."));
    }
}

/// <summary>Handoff.Integration writes leads and nothing else; SDRs cannot write leads.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class IntegrationRoleTests(DatabaseProvider provider) : ApiTest(provider)
{
    protected override IDictionary<string, string?> Settings => Tokens.Settings;

    [Test]
    public async Task The_integration_role_can_write_leads_only()
    {
        Client.Bearer(Tokens.Mint(["Handoff.Integration"]));
        await (await Client.PutJsonAsync($"/api/v1/leads/{Prospect}", Lead(), null)).JsonAsync(HttpStatusCode.Created);
        await (await Client.PostJsonAsync("/api/v1/leads/import", new object[] { new { email = "z@acme.example" } })).JsonAsync(HttpStatusCode.OK);

        await (await Client.GetAsync("/api/v1/admin/rsms")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await Client.PostJsonAsync("/api/v1/meetings/check", Invite())).ProblemAsync(HttpStatusCode.Forbidden);
        await (await Client.GetAsync($"/api/v1/leads/context?email={Prospect}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await Client.GetAsync("/api/v1/handoffs")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await Client.PutJsonAsync("/api/v1/handoffs/key-00000001", Invite(), null)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await Client.GetAsync("/api/v1/admin/handoff-settings")).ProblemAsync(HttpStatusCode.Forbidden);

        Client.Bearer(Tokens.Mint(["Handoff.Sdr"], email: "sdr@example.com"));
        await (await Client.PutJsonAsync($"/api/v1/leads/{Prospect}", Lead(score: 1), null)).ProblemAsync(HttpStatusCode.Forbidden);
        Client.DefaultRequestHeaders.Authorization = null;
        await (await Client.PutJsonAsync($"/api/v1/leads/{Prospect}", Lead(), null)).ProblemAsync(HttpStatusCode.Unauthorized);
    }
}
