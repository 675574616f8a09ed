using System.Net;
using System.Text.Json.Nodes;
using Handoff.Api.Tests.Support;
using Handoff.Storage;
using Microsoft.EntityFrameworkCore;
using static Handoff.Api.Tests.Baton.BatonSamples;

namespace Handoff.Api.Tests.Baton;

/// <summary>Recording handoffs at send: idempotency, If-Match, concurrency, the brief queued with the record, the gate.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class HandoffsApiTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string Key = "hk-0001-acme";

    [SetUp]
    public async Task OrgAsync()
    {
        await CreateAsync("rsms", Samples.Rsm());
        await CreateAsync("territories", Samples.Territory());
        await (await Client.PutJsonAsync($"/api/v1/leads/{Prospect}", Lead(), null)).JsonAsync(HttpStatusCode.Created);
        await (await Client.PutJsonAsync("/api/v1/admin/handoff-settings", Settings(), "\"0\"")).JsonAsync(HttpStatusCode.OK);
    }

    [Test]
    public async Task The_send_handler_and_the_pane_action_record_one_key_once()
    {
        var sent = await Client.PutJsonAsync($"/api/v1/handoffs/{Key}", Invite(recordedFrom: "send"), null);
        var record = await sent.JsonAsync(HttpStatusCode.Created);
        Assert.That(sent.ETag(), Is.EqualTo("\"1\""));
        var pane = await Client.PutJsonAsync($"/api/v1/handoffs/{Key}", Invite(recordedFrom: "pane"), null);
        Assert.That((await pane.JsonAsync(HttpStatusCode.OK))["version"]!.GetValue<int>(), Is.EqualTo(1));

        Assert.Multiple(() =>
        {
            Assert.That(record["sdrEmail"]!.GetValue<string>(), Is.EqualTo("sdr@example.com"), "the SDR comes from the token");
            Assert.That(record["rsms"]![0]!["email"]!.GetValue<string>(), Is.EqualTo("jo.field@example.com"));
            Assert.That(record["prospects"]![0]!.GetValue<string>(), Is.EqualTo(Prospect));
            Assert.That(record["territory"]!.GetValue<string>(), Is.EqualTo("Central Valley"));
            Assert.That(record["leads"]![0]!["context"]!["campaign"]!.GetValue<string>(), Is.EqualTo("Scrap yard security"));
            Assert.That(record["notes"]!["whyNow"]!.GetValue<string>(), Is.EqualTo("Insurer audit in January"));
            Assert.That(record["sentAnyway"]!.AsArray().Select(c => c!.GetValue<string>()), Does.Contain("RSM_OUTSIDE_WORKING_HOURS"));
            Assert.That(record["times"]!.AsArray().Single(t => t!["party"]!.GetValue<string>() == "organizer")!["phrases"]!["said"]!.GetValue<string>(),
                Is.EqualTo("1:00 PM Eastern"), "the brief page shows the server's words");
        });
        await using var db = Db.OpenContext();
        Assert.That(await db.Handoffs.CountAsync(), Is.EqualTo(1));
        Assert.That(await db.BriefDeliveries.CountAsync(), Is.EqualTo(1));
        Assert.That(await db.AuditEntries.CountAsync(a => a.Resource == "handoff"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_changed_resend_needs_if_match_and_queues_an_updated_brief()
    {
        await (await Client.PutJsonAsync($"/api/v1/handoffs/{Key}", Invite(), null)).JsonAsync(HttpStatusCode.Created);
        var moved = Invite(start: "2026-12-03T21:00:00Z", end: "2026-12-03T22:00:00Z");

        await (await Client.PutJsonAsync($"/api/v1/handoffs/{Key}", moved, null)).ProblemAsync(HttpStatusCode.PreconditionRequired);
        var stale = await (await Client.PutJsonAsync($"/api/v1/handoffs/{Key}", moved, "\"7\"")).ProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.That(stale["currentVersion"]!.GetValue<int>(), Is.EqualTo(1));
        var updated = await Client.PutJsonAsync($"/api/v1/handoffs/{Key}", moved, "\"1\"");
        Assert.That((await updated.JsonAsync(HttpStatusCode.OK))["version"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(updated.ETag(), Is.EqualTo("\"2\""));

        var deliveries = (await (await Client.GetAsync($"/api/v1/handoffs/{Key}/deliveries")).JsonAsync(HttpStatusCode.OK)).AsArray();
        Assert.That(deliveries.Select(d => d!["version"]!.GetValue<int>()), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(deliveries[0]!["subject"]!.GetValue<string>(), Does.StartWith("Handoff brief: Acme Metals"));
        Assert.That(deliveries[1]!["subject"]!.GetValue<string>(), Does.StartWith("Updated: Handoff brief: Acme Metals"));
        Assert.That(deliveries[1]!["status"]!.GetValue<string>(), Is.EqualTo("pending"));
        Assert.That(deliveries[1]!["mailer"], Is.Null, "no Graph here: the brief stays in the outbox");
    }

    [Test]
    public async Task Concurrent_sends_of_one_invite_make_one_record_and_one_delivery()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Client.PutJsonAsync($"/api/v1/handoffs/{Key}", Invite(recordedFrom: i % 2 == 0 ? "send" : "pane"), null)));
        Assert.That(responses.Select(r => r.StatusCode), Is.All.AnyOf(HttpStatusCode.Created, HttpStatusCode.OK));
        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Created), Is.LessThanOrEqualTo(1));

        // Two different edits racing on the same version: one wins, the other is told to re-read.
        var edits = await Task.WhenAll(
            Client.PutJsonAsync($"/api/v1/handoffs/{Key}", Invite(whyNow: "A"), "\"1\""),
            Client.PutJsonAsync($"/api/v1/handoffs/{Key}", Invite(whyNow: "B"), "\"1\""),
            Client.PutJsonAsync($"/api/v1/handoffs/{Key}", Invite(whyNow: "C"), "\"1\""));
        Assert.That(edits.Count(r => r.StatusCode == HttpStatusCode.OK), Is.EqualTo(1), string.Join(",", edits.Select(e => e.StatusCode)));
        Assert.That(edits.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed), Is.EqualTo(2));

        await using var db = Db.OpenContext();
        Assert.That(await db.Handoffs.CountAsync(), Is.EqualTo(1));
        Assert.That(await db.BriefDeliveries.OrderBy(d => d.HandoffVersion).Select(d => d.HandoffVersion).ToListAsync(), Is.EqualTo(new[] { 1, 2 }),
            "exactly one delivery per version");
    }

    [Test]
    public async Task The_brief_has_the_rsms_time_travel_lead_notes_overrides_and_talking_points()
    {
        await (await Client.PutJsonAsync($"/api/v1/handoffs/{Key}", Invite(), null)).JsonAsync(HttpStatusCode.Created);
        var brief = (await (await Client.GetAsync($"/api/v1/handoffs/{Key}/deliveries")).JsonAsync(HttpStatusCode.OK))[0]!["bodyText"]!.GetValue<string>();

        Assert.That(brief, Does.Contain("Jo Field: Thursday, Dec 3, 10:00 AM–11:00 AM Pacific Time"), "the meeting in the RSM's own time");
        Assert.That(brief, Does.Contain("Before: “Plant visit” in Fresno ends 9:30 AM Pacific Time, 30 min before this meeting"), "the travel leg Handoff computed");
        Assert.That(brief, Does.Contain("Came in from the 'Scrap yard security' webinar 2 days ago · score 72"));
        Assert.That(brief, Does.Contain("Why now: Insurer audit in January").And.Contain("Next step: Site walk of both yards"));
        Assert.That(brief, Does.Contain("SENT DESPITE THESE WARNINGS").And.Contain("RSM_OUTSIDE_WORKING_HOURS"));
        Assert.That(brief, Does.Contain("Copper theft: every gate entry is logged.").And.Contain("One console for every site."), "the story the SDR was given");
    }

    [Test]
    public async Task A_private_appointment_next_to_the_meeting_never_shows_its_subject_or_place()
    {
        // Wednesday: the demo calendar has a private "Doctor's appointment" at a clinic 12:00–13:00 Pacific.
        var wednesday = Invite(start: "2026-12-02T21:00:00Z", end: "2026-12-02T22:00:00Z");
        var record = await (await Client.PutJsonAsync($"/api/v1/handoffs/{Key}", wednesday, null)).JsonAsync(HttpStatusCode.Created);
        var delivery = (await (await Client.GetAsync($"/api/v1/handoffs/{Key}/deliveries")).JsonAsync(HttpStatusCode.OK))[0]!;
        var everything = record.ToJsonString() + delivery.ToJsonString();

        Assert.That(record["travel"]![0]!["stop"]!.GetValue<string>(), Is.EqualTo("a private appointment"));
        Assert.That(everything, Does.Not.Contain("Doctor").And.Not.Contain("clinic"));
    }

    [Test]
    public async Task The_bar_warns_in_the_check_and_on_the_record_naming_what_is_missing()
    {
        await (await Client.PutJsonAsync("/api/v1/admin/handoff-settings",
            Settings(new { minLifecycleStage = "salesqualifiedlead", minScore = 80, requiredNotes = new[] { "pain", "nextStep" } }), "\"1\"")).JsonAsync(HttpStatusCode.OK);

        var check = await (await Client.PostJsonAsync("/api/v1/meetings/check", Invite(nextStep: null))).JsonAsync(HttpStatusCode.OK);
        var warning = check["warnings"]!.AsArray().Single(w => w!["code"]!.GetValue<string>() == "HANDOFF_NOT_QUALIFIED")!;
        Assert.That(warning["severity"]!.GetValue<string>(), Is.EqualTo("warning"));
        Assert.That(warning["message"]!.GetValue<string>(), Is.EqualTo(
            $"Below the agreed handoff bar: {Prospect} is at stage marketingqualifiedlead (needs salesqualifiedlead or later) and score 72 (needs 80); handoff notes on the next step."));

        await (await Client.PutJsonAsync($"/api/v1/leads/{Prospect}", Lead(score: 85), null)).JsonAsync(HttpStatusCode.OK);
        check = await (await Client.PostJsonAsync("/api/v1/meetings/check", Invite())).JsonAsync(HttpStatusCode.OK);
        Assert.That(check["warnings"]!.AsArray().Select(w => w!["code"]!.GetValue<string>()), Does.Not.Contain("HANDOFF_NOT_QUALIFIED"), "score 85 clears the bar; notes complete");

        var record = await (await Client.PutJsonAsync($"/api/v1/handoffs/{Key}", Invite(nextStep: ""), null)).JsonAsync(HttpStatusCode.Created);
        Assert.That(record["sentAnyway"]!.AsArray().Select(c => c!.GetValue<string>()), Does.Contain("HANDOFF_NOT_QUALIFIED"));
    }

    [Test]
    public async Task Bad_input_is_400_naming_the_field()
    {
        var errors = await (await Client.PutJsonAsync("/api/v1/handoffs/short", Invite(), null)).ErrorsAsync();
        Assert.That(errors.Keys, Does.Contain("key"));
        var invite = Invite();
        invite["notes"] = new { whyNow = new string('x', 1001) };
        invite["recordedFrom"] = "fax";
        errors = await (await Client.PutJsonAsync($"/api/v1/handoffs/{Key}", invite, null)).ErrorsAsync();
        Assert.That(errors.Keys, Is.SupersetOf(new[] { "notes.whyNow", "recordedFrom" }));
        errors = await (await Client.GetAsync("/api/v1/handoffs?from=monday")).ErrorsAsync();
        Assert.That(errors.Keys, Does.Contain("from"));
    }
}

/// <summary>Who sees which handoffs: SDRs their own, RSMs theirs, admins all; filters and paging.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class HandoffVisibilityTests(DatabaseProvider provider) : ApiTest(provider)
{
    protected override IDictionary<string, string?> Settings => Tokens.Settings;

    [Test]
    public async Task Sdrs_see_their_own_rsms_theirs_and_admins_all()
    {
        Client.Bearer(Tokens.Mint(["Handoff.Admin"]));
        await CreateAsync("rsms", Samples.Rsm());
        await CreateAsync("rsms", Samples.Rsm("lee.north@example.com", "Lee North"));
        await CreateAsync("territories", Samples.Territory());

        Client.Bearer(Tokens.Mint(["Handoff.Sdr"], email: "ann@example.com"));
        await Record("ann-00000001", "jo.field@example.com", "2026-12-03T18:00:00Z");
        await Record("ann-00000002", "lee.north@example.com", "2026-12-04T18:00:00Z");
        Client.Bearer(Tokens.Mint(["Handoff.Sdr"], email: "bob@example.com"));
        await Record("bob-00000001", "jo.field@example.com", "2026-12-07T18:00:00Z");
        // Bob cannot take over Ann's key.
        var takeover = Invite();
        await (await Client.PutJsonAsync("/api/v1/handoffs/ann-00000001", takeover, "\"1\"")).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.That(await Keys("/api/v1/handoffs"), Is.EqualTo(new[] { "bob-00000001" }));
        await (await Client.GetAsync("/api/v1/handoffs/ann-00000001")).ProblemAsync(HttpStatusCode.NotFound);

        Client.Bearer(Tokens.Mint(["Handoff.Rsm"], email: "jo.field@example.com"));
        Assert.That(await Keys("/api/v1/handoffs"), Is.EqualTo(new[] { "bob-00000001", "ann-00000001" }), "newest meeting first");
        await (await Client.PutJsonAsync("/api/v1/handoffs/jo-000000001", Invite(), null)).ProblemAsync(HttpStatusCode.Forbidden);

        Client.Bearer(Tokens.Mint(["Handoff.Admin"]));
        Assert.That(await Keys("/api/v1/handoffs"), Has.Length.EqualTo(3));
        Assert.That(await Keys("/api/v1/handoffs?sdr=ANN@example.com"), Is.EqualTo(new[] { "ann-00000002", "ann-00000001" }));
        Assert.That(await Keys("/api/v1/handoffs?rsm=lee.north@example.com"), Is.EqualTo(new[] { "ann-00000002" }));
        Assert.That(await Keys("/api/v1/handoffs?territory=Central%20Valley"), Has.Length.EqualTo(3), "every meeting is at Acme Metals, Fresno");
        Assert.That(await Keys("/api/v1/handoffs?territory=Elsewhere"), Is.Empty);
        Assert.That(await Keys("/api/v1/handoffs?from=2026-12-04T00:00:00Z&to=2026-12-05T00:00:00Z"), Is.EqualTo(new[] { "ann-00000002" }));
        var page = await (await Client.GetAsync("/api/v1/handoffs?page=2&pageSize=2")).JsonAsync(HttpStatusCode.OK);
        Assert.That(page["total"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(page["items"]!.AsArray(), Has.Count.EqualTo(1));
    }

    private async Task Record(string key, string rsm, string start)
    {
        var invite = Invite(start: start, end: start.Replace("T18:", "T19:"));
        invite["attendees"] = new[] { rsm, Prospect };
        await (await Client.PutJsonAsync($"/api/v1/handoffs/{key}", invite, null)).JsonAsync(HttpStatusCode.Created);
    }

    private async Task<string[]> Keys(string url) =>
        (await (await Client.GetAsync(url)).JsonAsync(HttpStatusCode.OK))["items"]!.AsArray().Select(i => i!["key"]!.GetValue<string>()).ToArray();
}
