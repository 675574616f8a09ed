using System.Net;
using System.Text.RegularExpressions;
using Handoff.Api.Tests.Support;
using Handoff.Storage;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using static Handoff.Api.Tests.Baton.BatonSamples;

namespace Handoff.Api.Tests.Outcomes;

/// <summary>The brief's signed one-click outcome links: what they record, and every way they are refused.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed partial class OutcomeLinkTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string Key = OutcomesApiTests.Key;

    [SetUp]
    public async Task HandoffAsync()
    {
        await CreateAsync("rsms", Samples.Rsm());
        await CreateAsync("territories", Samples.Territory());
        await (await Client.PutJsonAsync($"/api/v1/handoffs/{Key}", Invite(), null)).JsonAsync(HttpStatusCode.Created);
        await (await Client.PutJsonAsync("/api/v1/handoffs/hk-0002-other", Invite(start: "2026-12-04T18:00:00Z", end: "2026-12-04T19:00:00Z"), null))
            .JsonAsync(HttpStatusCode.Created);
        Client.DefaultRequestHeaders.Authorization = null;
    }

    [Test]
    public async Task Opening_a_link_asks_pressing_records_and_pressing_again_changes_nothing()
    {
        var held = (await LinksAsync(Key))["Held"];
        Assert.That(held, Does.StartWith($"/handoffs/{Key}/outcome?o=held&t="));
        App.Clock.Reset(OutcomesApiTests.AfterMeeting);
        using var anonymous = App.CreateClient();

        var page = await anonymous.GetAsync(held);
        var html = await page.Content.ReadAsStringAsync();
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
        Assert.That(html, Does.Contain("<button type=\"submit\" autofocus>Record: Held</button>").And.Contain("cfo@acme-metals.example, 2026-12-03 10:00 Pacific Time"));
        await using (var db = Db.OpenContext())
        {
            Assert.That(await db.HandoffOutcomes.CountAsync(), Is.Zero, "opening the link (as a mail scanner does) writes nothing");
        }
        Assert.That(await ReportedHeldAsync(), Is.Zero);
        var recorded = await anonymous.PostAsync(held, null);
        Assert.That(recorded.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await ReportedHeldAsync(), Is.EqualTo(1), "the report counts the link's outcome at once");
        Assert.That(await recorded.Content.ReadAsStringAsync(), Does.Contain("Recorded: Held").And.Contain("report counts it"));
        var again = await anonymous.PostAsync(held, null);
        Assert.That(await again.Content.ReadAsStringAsync(), Does.Contain("already recorded"));
        var api = await (await anonymous.PostAsync("/api/v1/handoffs/" + held[("/handoffs/".Length)..].Replace("/outcome?", "/outcome/link?"), null))
            .JsonAsync(HttpStatusCode.OK);
        Assert.That(api["version"]!.GetValue<int>(), Is.EqualTo(1), "idempotent for the same outcome");

        await using var check = Db.OpenContext();
        var outcome = await check.HandoffOutcomes.SingleAsync();
        Assert.That((outcome.Kind, outcome.Source, outcome.RecordedBy), Is.EqualTo((OutcomeKind.Held, "link", "jo.field@example.com")));
    }

    private async Task<int> ReportedHeldAsync() =>
        (await (await Client.GetAsync("/api/v1/reports/handoffs?from=2026-11-30&to=2026-12-06")).JsonAsync(HttpStatusCode.OK))["totals"]!["held"]!.GetValue<int>();

    [Test]
    public async Task Tampered_wrong_handoff_other_outcome_and_expired_links_are_refused()
    {
        var links = await LinksAsync(Key);
        var other = await LinksAsync("hk-0002-other");
        App.Clock.Reset(Instant.FromUtc(2026, 12, 5, 12, 0));
        var token = Token().Match(links["Held"]).Groups[1].Value;

        var tampered = await Api(Key, "held", token[..^3] + (token[^3] == 'A' ? "BBB" : "AAA"));
        Assert.That(tampered["code"]!.GetValue<string>(), Is.EqualTo("OUTCOME_LINK_INVALID"));
        var cut = await Api(Key, "held", token[..40]);
        Assert.That(cut["code"]!.GetValue<string>(), Is.EqualTo("OUTCOME_LINK_INVALID"));
        var wrongHandoff = await Api(Key, "held", Token().Match(other["Held"]).Groups[1].Value);
        Assert.That(wrongHandoff["code"]!.GetValue<string>(), Is.EqualTo("OUTCOME_LINK_WRONG_HANDOFF"));
        var otherOutcome = await Api(Key, "noShow", token);
        Assert.That(otherOutcome["code"]!.GetValue<string>(), Is.EqualTo("OUTCOME_LINK_WRONG_OUTCOME"));

        App.Clock.Reset(Instant.FromUtc(2026, 12, 17, 19, 0)); // the meeting's end + 14 days (Outcomes:LinkLifetime)
        var expired = await Api(Key, "held", token, HttpStatusCode.Gone);
        Assert.That(expired["code"]!.GetValue<string>(), Is.EqualTo("OUTCOME_LINK_EXPIRED"));
        using var anonymous = App.CreateClient();
        var page = await anonymous.GetAsync(links["Held"]);
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Gone));
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("This outcome link has expired.").And.Contain("OUTCOME_LINK_EXPIRED"));
        await using var db = Db.OpenContext();
        Assert.That(await db.HandoffOutcomes.CountAsync(), Is.Zero);
    }

    [Test]
    public async Task A_link_never_overwrites_another_outcome_or_a_changed_meeting()
    {
        var links = await LinksAsync(Key);
        App.Clock.Reset(OutcomesApiTests.AfterMeeting);
        await (await Client.PostJsonAsync($"/api/v1/handoffs/{Key}/outcome", new { outcome = "noShow" })).JsonAsync(HttpStatusCode.Created);
        var replay = await Api(Key, "held", Token().Match(links["Held"]).Groups[1].Value, HttpStatusCode.Conflict);
        Assert.That(replay["code"]!.GetValue<string>(), Is.EqualTo("OUTCOME_ALREADY_RECORDED"));
        Assert.That(replay["detail"]!.GetValue<string>(), Does.Contain("'noShow'"));

        // The SDR moves the other meeting: its first brief's links are stale, the updated brief's work.
        var stale = await LinksAsync("hk-0002-other");
        App.Clock.Reset(HandoffApp.Now);
        await (await Client.PutJsonAsync("/api/v1/handoffs/hk-0002-other", Invite(start: "2026-12-04T19:00:00Z", end: "2026-12-04T20:00:00Z"), "\"1\""))
            .JsonAsync(HttpStatusCode.OK);
        var fresh = await LinksAsync("hk-0002-other", version: 2);
        App.Clock.Reset(Instant.FromUtc(2026, 12, 5, 12, 0));
        var old = await Api("hk-0002-other", "held", Token().Match(stale["Held"]).Groups[1].Value, HttpStatusCode.Conflict);
        Assert.That(old["code"]!.GetValue<string>(), Is.EqualTo("OUTCOME_LINK_STALE"));
        var ok = await (await Client.PostAsync(ApiUrl("hk-0002-other", "canceled", Token().Match(fresh["Canceled by the prospect"]).Groups[1].Value), null))
            .JsonAsync(HttpStatusCode.OK);
        Assert.That(ok["canceledBy"]!.GetValue<string>(), Is.EqualTo("prospect"));
    }

    /// <summary>The outcome links in the text of the brief of <paramref name="key"/>'s version, by label, as paths.</summary>
    private async Task<Dictionary<string, string>> LinksAsync(string key, int version = 1)
    {
        var deliveries = (await (await Client.GetAsync($"/api/v1/handoffs/{key}/deliveries")).JsonAsync(HttpStatusCode.OK)).AsArray();
        var text = deliveries.Single(d => d!["version"]!.GetValue<int>() == version)!["bodyText"]!.GetValue<string>();
        return LinkLine().Matches(text).ToDictionary(m => m.Groups[1].Value, m => new Uri(m.Groups[2].Value).PathAndQuery);
    }

    private async Task<System.Text.Json.Nodes.JsonObject> Api(string key, string outcome, string token, HttpStatusCode status = HttpStatusCode.BadRequest) =>
        await (await Client.PostAsync(ApiUrl(key, outcome, token), null)).ProblemAsync(status);

    private static string ApiUrl(string key, string outcome, string token) => $"/api/v1/handoffs/{key}/outcome/link?o={outcome}&t={token}";

    [GeneratedRegex(@"^- (.+?): (http\S+/outcome\?o=\S+)$", RegexOptions.Multiline)]
    private static partial Regex LinkLine();

    [GeneratedRegex("[?&]t=([^&]+)")]
    private static partial Regex Token();
}
