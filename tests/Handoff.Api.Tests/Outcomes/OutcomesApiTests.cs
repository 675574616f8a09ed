using System.Net;
using System.Text;
using Handoff.Api.Tests.Support;
using Handoff.Storage;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using static Handoff.Api.Tests.Baton.BatonSamples;

namespace Handoff.Api.Tests.Outcomes;

/// <summary>POST /api/v1/handoffs/{key}/outcome: every outcome, its rules against the meeting, permissions, audit, import.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class OutcomesApiTests(DatabaseProvider provider) : ApiTest(provider)
{
    public const string Key = "hk-0001-acme";
    public const string Sdr = "ann@example.com";
    public const string Rsm = "jo.field@example.com";
    /// <summary>After the meeting of <see cref="Invite"/> (Thursday 2026-12-03 18:00–19:00 UTC).</summary>
    public static readonly Instant AfterMeeting = Instant.FromUtc(2026, 12, 3, 20, 0);

    protected override IDictionary<string, string?> Settings => Tokens.Settings;

    [SetUp]
    public async Task HandoffAsync()
    {
        Client.Bearer(Tokens.Mint(["Handoff.Admin"]));
        await CreateAsync("rsms", Samples.Rsm());
        await CreateAsync("rsms", Samples.Rsm("lee.north@example.com", "Lee North"));
        await CreateAsync("territories", Samples.Territory());
        As("Handoff.Sdr", Sdr);
        await (await Client.PutJsonAsync($"/api/v1/handoffs/{Key}", Invite(), null)).JsonAsync(HttpStatusCode.Created);
    }

    [Test]
    public async Task The_rsm_records_held_again_changes_nothing_and_a_change_is_audited()
    {
        App.Clock.Reset(AfterMeeting);
        As("Handoff.Rsm", Rsm);
        var first = await (await Post(new { outcome = "held", note = "Site walk booked" })).JsonAsync(HttpStatusCode.Created);
        Assert.That(first["state"]!.GetValue<string>(), Is.EqualTo("held"));
        Assert.That(first["recordedBy"]!.GetValue<string>(), Is.EqualTo(Rsm));
        Assert.That(first["source"]!.GetValue<string>(), Is.EqualTo("api"));
        var again = await (await Post(new { outcome = "HELD", note = "Site walk booked" })).JsonAsync(HttpStatusCode.OK);
        Assert.That(again["version"]!.GetValue<int>(), Is.EqualTo(1), "the same outcome again changes nothing");

        As("Handoff.Sdr", Sdr);
        var opportunity = await (await Post(new { outcome = "opportunityCreated", amount = 48000.50m, currency = "USD" })).JsonAsync(HttpStatusCode.OK);
        Assert.That(opportunity["version"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(opportunity["amount"]!.GetValue<decimal>(), Is.EqualTo(48000.50m));

        await using var db = Db.OpenContext();
        var audit = await db.AuditEntries.Where(a => a.Resource == "handoff-outcome").OrderBy(a => a.Id).ToListAsync();
        Assert.That(audit.Select(a => a.Action), Is.EqualTo(new[] { "outcome-api", "outcome-api" }));
        Assert.That(audit[1].Changes, Does.Contain("opportunityCreated").And.Contain("held"));
    }

    [Test]
    public async Task Nobody_is_a_no_show_before_the_meeting_but_it_can_be_rescheduled_canceled_or_disqualified()
    {
        As("Handoff.Sdr", Sdr);
        var errors = await (await Post(new { outcome = "noShow" })).ErrorsAsync();
        Assert.That(errors["outcome"][0], Does.Contain("2026-12-03T18:00:00Z").And.Contain("before it starts"));

        var moved = await (await Post(new { outcome = "rescheduled", newStart = "2026-12-08T18:00:00Z" })).JsonAsync(HttpStatusCode.Created);
        Assert.That(moved["newEnd"]!.GetValue<string>(), Is.EqualTo("2026-12-08T19:00:00Z"), "the meeting's length is kept");
        Assert.That(moved["state"]!.GetValue<string>(), Is.EqualTo("upcoming"));

        App.Clock.Reset(AfterMeeting); // after the original time, before the new one
        errors = await (await Post(new { outcome = "held" })).ErrorsAsync();
        Assert.That(errors["outcome"][0], Does.Contain("2026-12-08T18:00:00Z"), "the new time counts");
        App.Clock.Reset(Instant.FromUtc(2026, 12, 8, 19, 30));
        var held = await (await Post(new { outcome = "held" })).JsonAsync(HttpStatusCode.OK);
        Assert.That(held["newStart"]!.GetValue<string>(), Is.EqualTo("2026-12-08T18:00:00Z"), "held at the new time");

        var canceled = await (await Post(new { outcome = "canceled", canceledBy = "Prospect" })).JsonAsync(HttpStatusCode.OK);
        Assert.That(canceled["canceledBy"]!.GetValue<string>(), Is.EqualTo("prospect"));
        await (await Post(new { outcome = "disqualified", note = "No budget until 2028" })).JsonAsync(HttpStatusCode.OK);
    }

    [Test]
    public async Task Bad_outcomes_are_400_naming_the_field()
    {
        App.Clock.Reset(AfterMeeting);
        As("Handoff.Sdr", Sdr);
        Assert.That((await (await Post(new { outcome = "maybe" })).ErrorsAsync()).Keys, Does.Contain("outcome"));
        Assert.That((await (await Post(new { outcome = "canceled" })).ErrorsAsync()).Keys, Does.Contain("canceledBy"));
        Assert.That((await (await Post(new { outcome = "canceled", canceledBy = "weather" })).ErrorsAsync()).Keys, Does.Contain("canceledBy"));
        Assert.That((await (await Post(new { outcome = "held", amount = 10 })).ErrorsAsync()).Keys, Does.Contain("amount"));
        Assert.That((await (await Post(new { outcome = "opportunityCreated", amount = -1, currency = "usd" })).ErrorsAsync()).Keys,
            Is.SupersetOf(new[] { "amount", "currency" }));
        Assert.That((await (await Post(new { outcome = "rescheduled" })).ErrorsAsync()).Keys, Does.Contain("newStart"));
        Assert.That((await (await Post(new { outcome = "rescheduled", newStart = "2026-12-02T18:00:00Z" })).ErrorsAsync()).Keys, Does.Contain("newStart"),
            "a reschedule into the past");
        Assert.That((await (await Post(new { outcome = "rescheduled", newStart = "2026-12-09T18:00:00Z", newEnd = "2026-12-09T17:00:00Z" })).ErrorsAsync()).Keys,
            Does.Contain("newEnd"));
        Assert.That((await (await Post(new { outcome = "held", newStart = "2026-12-09T18:00:00Z" })).ErrorsAsync()).Keys, Does.Contain("newStart"));
        Assert.That((await (await Post(new { outcome = "held", note = new string('x', 1001) })).ErrorsAsync()).Keys, Does.Contain("note"));
    }

    [Test]
    public async Task Only_the_handoffs_sdr_and_rsms_an_admin_or_the_integration_record_outcomes()
    {
        App.Clock.Reset(AfterMeeting);
        As("Handoff.Sdr", "bob@example.com");
        await (await Post(new { outcome = "held" })).ProblemAsync(HttpStatusCode.NotFound);
        As("Handoff.Rsm", "lee.north@example.com");
        await (await Post(new { outcome = "held" })).ProblemAsync(HttpStatusCode.NotFound);
        As("Handoff.Manager", "boss@example.com");
        await (await Post(new { outcome = "held" })).ProblemAsync(HttpStatusCode.Forbidden);
        Client.Bearer(Tokens.Mint(["Handoff.Integration"]));
        await (await Post(new { outcome = "noShow" })).JsonAsync(HttpStatusCode.Created);
        Client.Bearer(Tokens.Mint(["Handoff.Admin"]));
        await (await Post(new { outcome = "held" })).JsonAsync(HttpStatusCode.OK);
        As("Handoff.Rsm", Rsm);
        var read = await (await Client.GetAsync($"/api/v1/handoffs/{Key}/outcome")).JsonAsync(HttpStatusCode.OK);
        Assert.That(read["outcome"]!.GetValue<string>(), Is.EqualTo("held"));
    }

    [Test]
    public async Task Without_an_outcome_a_meeting_is_upcoming_then_awaiting_then_no_outcome_yet_never_held()
    {
        As("Handoff.Sdr", Sdr);
        async Task<string> State() => (await (await Client.GetAsync($"/api/v1/handoffs/{Key}/outcome")).JsonAsync(HttpStatusCode.OK))["state"]!.GetValue<string>();
        Assert.That(await State(), Is.EqualTo("upcoming"));
        App.Clock.Reset(AfterMeeting);
        Assert.That(await State(), Is.EqualTo("awaitingOutcome"));
        App.Clock.Reset(Instant.FromUtc(2026, 12, 6, 19, 0)); // the meeting's end + 3 days (Outcomes:NoOutcomeAfter)
        Assert.That(await State(), Is.EqualTo("noOutcomeYet"));
    }

    [Test]
    public async Task Imports_are_all_or_nothing_in_csv_and_json()
    {
        As("Handoff.Sdr", Sdr);
        var invite = Invite(start: "2026-12-04T18:00:00Z", end: "2026-12-04T19:00:00Z");
        await (await Client.PutJsonAsync("/api/v1/handoffs/hk-0002-acme", invite, null)).JsonAsync(HttpStatusCode.Created);
        App.Clock.Reset(Instant.FromUtc(2026, 12, 5, 12, 0));
        Client.Bearer(Tokens.Mint(["Handoff.Integration"]));

        var bad = "key,outcome,amount,currency\nhk-0001-acme,held,,\nhk-0002-acme,opportunityCreated,12k,USD\nhk-9999-none,held,,\n";
        var errors = await (await Csv(bad)).ErrorsAsync();
        Assert.That(errors["outcomes[1].amount"][0], Does.StartWith("CSV line 3:"));
        errors = await (await Client.PostJsonAsync("/api/v1/outcomes/import", new object[]
        {
            new { key = Key, outcome = "held" }, new { key = "hk-9999-none", outcome = "held" }, new { key = Key, outcome = "noShow" },
        })).ErrorsAsync();
        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "outcomes[1].key", "outcomes[2].key" }));
        await using (var db = Db.OpenContext())
        {
            Assert.That(await db.HandoffOutcomes.CountAsync(), Is.Zero, "nothing is written when any row fails");
        }

        var good = "key,outcome,amount,currency,note\nhk-0001-acme,held,,,\nhk-0002-acme,opportunityCreated,12500.00,USD,\"Two yards, one quote\"\n";
        var result = await (await Csv(good)).JsonAsync(HttpStatusCode.OK);
        Assert.That(result.ToJsonString(), Is.EqualTo("{\"created\":2,\"updated\":0,\"unchanged\":0}"));
        result = await (await Csv(good.Replace("hk-0001-acme,held", "hk-0001-acme,noShow"))).JsonAsync(HttpStatusCode.OK);
        Assert.That(result.ToJsonString(), Is.EqualTo("{\"created\":0,\"updated\":1,\"unchanged\":1}"));
        await using (var db = Db.OpenContext())
        {
            var amounts = await db.HandoffOutcomes.Where(o => o.Amount != null).Select(o => o.Amount).ToListAsync();
            Assert.That(amounts, Is.EqualTo(new decimal?[] { 12500.00m }));
            Assert.That(await db.AuditEntries.CountAsync(a => a.Action == "outcome-import"), Is.EqualTo(3));
        }

        As("Handoff.Sdr", "bob@example.com");
        errors = await (await Csv("key,outcome\nhk-0001-acme,held\n")).ErrorsAsync();
        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "outcomes[0].key" }), "an SDR imports only their own handoffs' outcomes");
    }

    private void As(string role, string email) => Client.Bearer(Tokens.Mint([role], email: email));

    private Task<HttpResponseMessage> Post(object body) => Client.PostJsonAsync($"/api/v1/handoffs/{Key}/outcome", body);

    private Task<HttpResponseMessage> Csv(string csv) =>
        Client.PostAsync("/api/v1/outcomes/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
}
