using System.Globalization;
using System.Net;
using CsvHelper;
using Handoff.Api.Tests.Support;
using Handoff.Storage;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using static Handoff.Api.Tests.Baton.BatonSamples;

namespace Handoff.Api.Tests.Outcomes;

/// <summary>GET /api/v1/reports/handoffs end to end: the check log feeding slips prevented, who sees what, ranges, CSV.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class ReportsApiTests(DatabaseProvider provider) : ApiTest(provider)
{
    protected override IDictionary<string, string?> Settings => Tokens.Settings;

    [SetUp]
    public async Task HandoffsAsync()
    {
        Client.Bearer(Tokens.Mint(["Handoff.Admin"]));
        await CreateAsync("rsms", Samples.Rsm());
        await CreateAsync("rsms", Samples.Rsm("lee.north@example.com", "Lee North"));
        await CreateAsync("territories", Samples.Territory());
        await (await Client.PutJsonAsync($"/api/v1/leads/{Prospect}", Lead(), null)).JsonAsync(HttpStatusCode.Created);

        // Ann first tries 7:00 AM for the prospect (outside their hours, during Jo's plant visit), then moves it and sends.
        As("Handoff.Sdr", "ann@example.com");
        var early = Invite(start: "2026-12-03T15:00:00Z", end: "2026-12-03T16:00:00Z");
        early["handoffKey"] = "hk-0001-acme";
        await (await Client.PostJsonAsync("/api/v1/meetings/check", early)).JsonAsync(HttpStatusCode.OK);
        var fixedTime = Invite();
        fixedTime["handoffKey"] = "hk-0001-acme";
        await (await Client.PostJsonAsync("/api/v1/meetings/check", fixedTime)).JsonAsync(HttpStatusCode.OK);
        await (await Client.PutJsonAsync("/api/v1/handoffs/hk-0001-acme", Invite(), null)).JsonAsync(HttpStatusCode.Created);
        As("Handoff.Sdr", "bob@example.com");
        var bobs = Invite(start: "2026-12-04T18:00:00Z", end: "2026-12-04T19:00:00Z");
        bobs["attendees"] = new[] { "lee.north@example.com", Prospect };
        await (await Client.PutJsonAsync("/api/v1/handoffs/hk-0002-bob", bobs, null)).JsonAsync(HttpStatusCode.Created);
        await WaitForCheckLogAsync("hk-0001-acme", checks: 2);

        App.Clock.Reset(Instant.FromUtc(2026, 12, 5, 12, 0));
        As("Handoff.Rsm", "jo.field@example.com");
        await (await Client.PostJsonAsync("/api/v1/handoffs/hk-0001-acme/outcome", new { outcome = "held" })).JsonAsync(HttpStatusCode.Created);
    }

    [Test]
    public async Task The_check_log_keeps_first_and_last_answers_and_the_report_counts_the_slip_prevented()
    {
        await using (var db = Db.OpenContext())
        {
            var log = await db.DraftCheckLogs.SingleAsync();
            Assert.That((log.FirstVerdict, log.LastVerdict, log.Checks, log.Changes), Is.EqualTo(("blocked", "review", 2, 1)));
            Assert.That(log.FirstCodes, Does.Contain("|PROSPECT_OUTSIDE_BUSINESS_HOURS|"));
            Assert.That(log.LastCodes, Does.Not.Contain("PROSPECT_OUTSIDE_BUSINESS_HOURS"));
        }
        As("Handoff.Manager", "boss@example.com");
        var report = await Report("from=2026-11-30&to=2026-12-06&groupBy=sdr");
        var slips = report["slipsPrevented"]!.AsArray().Select(s => s!["code"]!.GetValue<string>()).ToArray();
        Assert.That(slips, Does.Contain("PROSPECT_OUTSIDE_BUSINESS_HOURS").And.Contain("RSM_BUSY"));
        Assert.That(slips, Does.Not.Contain("RSM_OUTSIDE_WORKING_HOURS"), "sent anyway: not prevented");
        var sentAnyway = report["sentAnyway"]!.AsArray().Select(s => s!["code"]!.GetValue<string>());
        Assert.That(sentAnyway, Does.Contain("RSM_OUTSIDE_WORKING_HOURS"));
        var totals = report["totals"]!;
        Assert.That(totals["booked"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(totals["held"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(totals["awaitingOutcome"]!.GetValue<int>(), Is.EqualTo(1), "Bob's meeting has no outcome yet: not held");
        Assert.That(totals["heldRate"]!.GetValue<double>(), Is.EqualTo(0.5));
        // The lead came in 2026-11-29T15:00Z; the first send was at the test clock's 2026-12-01T15:00Z: two days.
        Assert.That(totals["speedToLead"]!["medianMinutes"]!.GetValue<double>(), Is.EqualTo(2880));
    }

    [Test]
    public async Task Managers_see_all_sdrs_and_rsms_their_own_and_the_integration_nothing()
    {
        As("Handoff.Manager", "boss@example.com");
        Assert.That(await GroupKeys("groupBy=sdr&from=2026-11-30&to=2026-12-06"), Is.EqualTo(new[] { "ann@example.com", "bob@example.com" }));
        // The pools' fair shares are about every RSM of a territory: managers and admins only.
        Assert.That((await Report("from=2026-11-30&to=2026-12-06"))["fairShares"]!.AsArray().Select(t => t!["territory"]!.GetValue<string>()), Is.EqualTo(new[] { "Central Valley" }));
        As("Handoff.Sdr", "ann@example.com");
        Assert.That(await GroupKeys("groupBy=sdr&from=2026-11-30&to=2026-12-06"), Is.EqualTo(new[] { "ann@example.com" }));
        Assert.That((await Report("from=2026-11-30&to=2026-12-06"))["fairShares"]!.AsArray(), Is.Empty);
        As("Handoff.Rsm", "lee.north@example.com");
        Assert.That(await GroupKeys("groupBy=rsm&from=2026-11-30&to=2026-12-06"), Is.EqualTo(new[] { "lee.north@example.com" }));
        Client.Bearer(Tokens.Mint(["Handoff.Integration"]));
        await (await Client.GetAsync("/api/v1/reports/handoffs")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Ranges_are_whole_days_in_the_orgs_zone_and_bad_ones_are_400()
    {
        As("Handoff.Manager", "boss@example.com");
        // Thursday 18:00 UTC is 13:00 in New York: in a range ending Dec 3, not in one starting Dec 4.
        Assert.That((await Report("from=2026-12-03&to=2026-12-03"))["totals"]!["booked"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That((await Report("from=2026-12-05&to=2026-12-06"))["totals"]!["heldRate"], Is.Null, "an empty range has no rates");
        var weeks = (await Report("from=2026-11-30&to=2026-12-13"))["weeks"]!.AsArray().Select(w => w!["key"]!.GetValue<string>());
        Assert.That(weeks, Is.EqualTo(new[] { "2026-11-30", "2026-12-07" }));
        // Default: the eight weeks up to today (Saturday 2026-12-05 in New York).
        var defaults = await Report("");
        Assert.That((defaults["from"]!.GetValue<string>(), defaults["to"]!.GetValue<string>()), Is.EqualTo(("2026-10-12", "2026-12-05")));

        Assert.That((await (await Client.GetAsync("/api/v1/reports/handoffs?groupBy=team")).ErrorsAsync()).Keys, Does.Contain("groupBy"));
        Assert.That((await (await Client.GetAsync("/api/v1/reports/handoffs?from=2026-13-01")).ErrorsAsync()).Keys, Does.Contain("from"));
        Assert.That((await (await Client.GetAsync("/api/v1/reports/handoffs?from=2026-12-06&to=2026-12-01")).ErrorsAsync()).Keys, Does.Contain("from"));
        Assert.That((await (await Client.GetAsync("/api/v1/reports/handoffs?from=2024-01-01&to=2026-12-01")).ErrorsAsync()).Keys, Does.Contain("to"));
        Assert.That((await (await Client.GetAsync("/api/v1/reports/handoffs/csv?table=nope")).ErrorsAsync()).Keys, Does.Contain("table"));
    }

    [Test]
    public async Task Every_table_exports_as_csv_and_reads_back_to_the_json_figures()
    {
        As("Handoff.Manager", "boss@example.com");
        const string query = "from=2026-11-30&to=2026-12-06&groupBy=sdr";
        var report = await Report(query);
        foreach (var table in new[] { "groups", "weeks", "slips", "sentAnyway", "rsms", "fairShares", "grid", "targets" })
        {
            var response = await Client.GetAsync($"/api/v1/reports/handoffs/csv?table={table}&{query}");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), table);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        }
        var csv = await Client.GetStringAsync($"/api/v1/reports/handoffs/csv?table=groups&{query}");
        using var reader = new CsvReader(new StringReader(csv), CultureInfo.InvariantCulture);
        var rows = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        var groups = report["groups"]!.AsArray();
        Assert.That(rows, Has.Count.EqualTo(groups.Count));
        for (var i = 0; i < rows.Count; i++)
        {
            var figures = groups[i]!["figures"]!;
            Assert.That(rows[i]["sdr"], Is.EqualTo(groups[i]!["key"]!.GetValue<string>()));
            Assert.That(int.Parse((string)rows[i]["booked"], CultureInfo.InvariantCulture), Is.EqualTo(figures["booked"]!.GetValue<int>()));
            var rate = (string)rows[i]["heldRate"];
            Assert.That(rate == "" ? (double?)null : double.Parse(rate, CultureInfo.InvariantCulture), Is.EqualTo(figures["heldRate"]?.GetValue<double>()));
            Assert.That((string)rows[i]["speedToLeadMedianMinutes"], Is.EqualTo(figures["speedToLead"]!["medianMinutes"]?.GetValue<double>().ToString(CultureInfo.InvariantCulture) ?? ""));
        }
    }

    [Test]
    public async Task The_held_grid_has_a_slice_per_region_and_vertical_and_none_rates_below_the_sample()
    {
        As("Handoff.Manager", "boss@example.com");
        const string query = "from=2026-11-30&to=2026-12-06";
        var grid = (await Report(query))["grid"]!;
        var slices = grid["slices"]!.AsArray();
        var region = slices.Single(s => s!["kind"]!.GetValue<string>() == "region")!;
        Assert.That((region["name"]!.GetValue<string>(), region["decided"]!.GetValue<int>()), Is.EqualTo(("Central Valley", 1)), "Ann's held meeting; Bob's has no outcome");
        Assert.That(slices.SelectMany(s => s!["cells"]!.AsArray()).Concat(grid["cells"]!.AsArray())
            .Select(c => (c!["heldRate"]?.GetValue<double>(), c["sampled"]!.GetValue<bool>())), Is.All.EqualTo(((double?)null, false)), "1 meeting < 20");
        var csv = await Client.GetStringAsync($"/api/v1/reports/handoffs/csv?table=grid&{query}");
        using var reader = new CsvReader(new StringReader(csv), CultureInfo.InvariantCulture);
        var rows = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        Assert.That(rows.Select(r => ((string)r["slice"], (string)r["name"], (string)r["held"])),
            Does.Contain(("org", "", "1")).And.Contain(("region", "Central Valley", "1")));
        Assert.That(rows, Has.Count.EqualTo(1 + slices.Sum(s => s!["cells"]!.AsArray().Count)));
    }

    [Test]
    public async Task Admins_set_monthly_targets_and_the_report_shows_progress()
    {
        Client.Bearer(Tokens.Mint(["Handoff.Admin"]));
        var ann = await (await Client.PutJsonAsync("/api/v1/admin/targets", new { month = "2026-12", scope = "sdr", subject = "Ann@example.com", handoffs = 4, held = 2 }, null))
            .JsonAsync(HttpStatusCode.Created);
        await (await Client.PutJsonAsync("/api/v1/admin/targets", new { month = "2026-12", scope = "sdr", subject = "ann@example.com", handoffs = 2, held = 2 }, null))
            .JsonAsync(HttpStatusCode.OK);
        await (await Client.PutJsonAsync("/api/v1/admin/targets",
            new { month = "2026-12", scope = "team", subject = "Inside sales", members = new[] { "ann@example.com", "bob@example.com" }, handoffs = 10 }, null))
            .JsonAsync(HttpStatusCode.Created);
        await (await Client.PutJsonAsync("/api/v1/admin/targets", new { month = "2026-12", scope = "territory", subject = "Central Valley", handoffs = 1 }, null))
            .JsonAsync(HttpStatusCode.Created);
        var errors = await (await Client.PutJsonAsync("/api/v1/admin/targets", new { month = "2026-13", scope = "team", subject = "x", handoffs = -1 }, null)).ErrorsAsync();
        Assert.That(errors.Keys, Is.SupersetOf(new[] { "month", "members", "handoffs" }));
        Assert.That((await (await Client.GetAsync("/api/v1/admin/targets?month=2026-12")).JsonAsync(HttpStatusCode.OK)).AsArray(), Has.Count.EqualTo(3));
        As("Handoff.Sdr", "ann@example.com");
        await (await Client.GetAsync("/api/v1/admin/targets")).ProblemAsync(HttpStatusCode.Forbidden);

        As("Handoff.Manager", "boss@example.com");
        var targets = (await Report("from=2026-12-01&to=2026-12-31"))["targets"]!.AsArray()
            .ToDictionary(t => t!["scope"]!.GetValue<string>(), t => t!);
        Assert.That((targets["sdr"]["handoffs"]!.GetValue<int>(), targets["sdr"]["progress"]!.GetValue<double>(), targets["sdr"]["held"]!.GetValue<int>()), Is.EqualTo((1, 0.5, 1)));
        Assert.That((targets["team"]["handoffs"]!.GetValue<int>(), targets["team"]["progress"]!.GetValue<double>()), Is.EqualTo((2, 0.2)));
        Assert.That(targets["territory"]["progress"]!.GetValue<double>(), Is.EqualTo(2.0), "two meetings in Central Valley against a target of one");

        Client.Bearer(Tokens.Mint(["Handoff.Admin"]));
        await (await Client.DeleteAsync($"/api/v1/admin/targets/{ann["id"]!.GetValue<string>()}", null)).JsonAsync(HttpStatusCode.NoContent);
        await (await Client.DeleteAsync($"/api/v1/admin/targets/{ann["id"]!.GetValue<string>()}", null)).ProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task WaitForCheckLogAsync(string key, int checks)
    {
        // The check log is written off the request path; wait (bounded) for the writer.
        for (var i = 0; i < 100; i++)
        {
            await using var db = Db.OpenContext();
            if (await db.DraftCheckLogs.AnyAsync(c => c.HandoffKey == key && c.Checks >= checks))
            {
                return;
            }
            await Task.Delay(50);
        }
        Assert.Fail($"the check log of {key} was not written within 5 s");
    }

    private void As(string role, string email) => Client.Bearer(Tokens.Mint([role], email: email));

    private async Task<System.Text.Json.Nodes.JsonNode> Report(string query) =>
        await (await Client.GetAsync($"/api/v1/reports/handoffs?{query}")).JsonAsync(HttpStatusCode.OK);

    private async Task<string[]> GroupKeys(string query) =>
        (await Report(query))["groups"]!.AsArray().Select(g => g!["key"]!.GetValue<string>()).ToArray();
}
