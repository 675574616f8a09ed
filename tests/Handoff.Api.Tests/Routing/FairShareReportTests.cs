using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CsvHelper;
using Handoff.Api.Tests.Support;
using Handoff.Scheduling.Calendars;
using Handoff.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Handoff.Api.Tests.Routing;

/// <summary>
/// Issue 14's "done when", end to end on both providers: an admin switches a territory to round robin with weights
/// 1:1:2:1, leads are routed (POST /api/v1/leads/route) and their invites recorded (PUT /api/v1/handoffs/{key}), and the
/// report's fair-share section (JSON, CSV) shows each RSM's handoffs against the weighted fair share — the admin
/// standings' own figures. Also: a re-check of a sent invite leaves its own handoff out of the counts.
/// Clock: Tuesday 2026-12-01 15:00 UTC; the org's zone is New York (December began 05:00 UTC).
/// </summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class FairShareReportTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string Prospect = "gm@fresno-scrap.example";
    private const string Report = "/api/v1/reports/handoffs?from=2026-12-01&to=2026-12-31";
    private static readonly Instant Now = HandoffApp.Now;
    private static readonly (string Email, string Name, double Weight)[] Pool =
        [("ann@example.com", "Ann", 1), ("ben@example.com", "Ben", 1), ("cat@example.com", "Cat", 2), ("dev@example.com", "Dev", 1)];

    private readonly ScriptedCalendars _calendars = new();

    protected override Action<IServiceCollection>? Services => s =>
    {
        s.RemoveAll<ICalendarSource>();
        s.AddSingleton<ICalendarSource>(_calendars);
    };

    [SetUp]
    public void NoCalendarItems() => _calendars.Items.Clear();

    /// <summary>The pool as a priority territory (yesterday), then switched by the admin to round robin with the weights.</summary>
    private async Task<Guid> RoundRobinAsync((string Email, string Name, double Weight)[] pool)
    {
        App.Clock.Reset(Now - Duration.FromHours(12));
        foreach (var (email, name, _) in pool)
        {
            await CreateAsync("rsms", Samples.Rsm(email, name));
        }
        object Body(string mode) => new
        {
            name = "Central Valley", rules = new { postalPrefixes = new[] { "937" } },
            assignments = pool.Select((r, i) => new { rsmEmail = r.Email, priority = i + 1, weight = mode == "priority" ? 1 : r.Weight }).ToArray(),
            routing = new { mode },
        };
        var id = (await CreateAsync("territories", Body("priority")))["id"]!.GetValue<Guid>();
        await CreateAsync("territories", new { name = "Coast", rules = new { postalPrefixes = new[] { "939" } }, assignments = new[] { new { rsmEmail = pool[0].Email, priority = 1 } } });
        App.Clock.Reset(Now);
        var switched = await (await Client.PutJsonAsync($"/api/v1/admin/territories/{id}", Body("roundRobin"), "\"1\"")).JsonAsync(HttpStatusCode.OK);
        Assert.That(switched["routing"]!["mode"]!.GetValue<string>(), Is.EqualTo("roundRobin"));
        return id;
    }

    /// <summary>Routes a lead and records the invite to the RSM it went to (the territory at send is the pool's).</summary>
    private async Task<string> RouteAndSendAsync(string key)
    {
        var routed = await (await Client.PostJsonAsync("/api/v1/leads/route", new { email = Prospect, place = "Fresno, CA 93706" })).JsonAsync(HttpStatusCode.OK);
        var rsm = routed["rsm"]!["email"]!.GetValue<string>();
        await SendAsync(key, rsm);
        return rsm;
    }

    private async Task SendAsync(string key, string rsm)
    {
        var invite = Baton.BatonSamples.Invite();
        invite["attendees"] = new[] { rsm, Prospect };
        var sent = await Client.PutJsonAsync($"/api/v1/handoffs/{key}", invite, null);
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Created), await sent.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task The_report_shows_round_robin_handoffs_against_the_weighted_fair_shares()
    {
        var id = await RoundRobinAsync(Pool);
        const int leads = 15;
        var picks = new List<string>();
        for (var i = 0; i < leads; i++)
        {
            App.Clock.Advance(Duration.FromMinutes(10));
            picks.Add(await RouteAndSendAsync($"hk-fair-{i:D3}"));
        }
        var report = await (await Client.GetAsync(Report)).JsonAsync(HttpStatusCode.OK);
        var sections = report["fairShares"]!.AsArray();
        var valley = sections.Single(t => t!["territory"]!.GetValue<string>() == "Central Valley")!;
        var coast = sections.Single(t => t!["territory"]!.GetValue<string>() == "Coast")!;
        var december = valley["periods"]!.AsArray().Single()!;
        var rows = december["rsms"]!.AsArray().ToDictionary(r => r!["rsm"]!.GetValue<string>(), r => r!);
        Assert.Multiple(() =>
        {
            Assert.That(valley["mode"]!.GetValue<string>(), Is.EqualTo("roundRobin"));
            Assert.That(coast["mode"]!.GetValue<string>(), Is.EqualTo("priority"));
            Assert.That(coast["note"]!.GetValue<string>(), Does.StartWith("Priority: "));
            Assert.That(coast["periods"]!.AsArray(), Is.Empty);
            Assert.That(december["from"]!.GetValue<string>(), Is.EqualTo("2026-12-01"));
            Assert.That(december["to"]!.GetValue<string>(), Is.EqualTo("2026-12-31"));
            Assert.That(december["complete"]!.GetValue<bool>(), Is.False);
            Assert.That(december["handoffs"]!.GetValue<int>(), Is.EqualTo(leads));
        });
        foreach (var (email, _, weight) in Pool)
        {
            var row = rows[email];
            var handoffs = row["handoffs"]!.GetValue<int>();
            var share = row["fairShare"]!.GetValue<double>();
            Assert.Multiple(() =>
            {
                Assert.That(handoffs, Is.EqualTo(picks.Count(p => p == email)), email);
                // Everyone present the whole time: F_i = N · w_i ÷ Σw (15 · 1/5 = 3, Cat 6), computed here independently.
                Assert.That(share, Is.EqualTo(leads * weight / 5).Within(0.01), email);
                // The documented tolerance (docs/routing.md): each count within ±2 of the fair share.
                Assert.That(Math.Abs(handoffs - share), Is.LessThanOrEqualTo(2), email);
                Assert.That(row["difference"]!.GetValue<double>(), Is.EqualTo(Math.Round(handoffs - share, 2)).Within(0.001), email);
            });
        }

        // The same computation as the admin standings (one formula, not a copy).
        var standings = (await (await Client.GetAsync($"/api/v1/admin/territories/{id}/routing")).JsonAsync(HttpStatusCode.OK))["next"]!["standings"]!.AsArray();
        foreach (var s in standings)
        {
            var email = s!["email"]!.GetValue<string>();
            Assert.That(rows[email]["fairShare"]!.GetValue<double>(), Is.EqualTo(s["fairShare"]!.GetValue<double>()).Within(0.01), email);
            Assert.That(rows[email]["handoffs"]!.GetValue<int>(), Is.EqualTo(s["count"]!.GetValue<int>()), email);
        }

        // The CSV carries the same rows.
        var csv = await Client.GetStringAsync(Report.Replace("handoffs?", "handoffs/csv?table=fairShares&", StringComparison.Ordinal));
        using var reader = new CsvReader(new StringReader(csv), CultureInfo.InvariantCulture);
        var lines = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        var valleyLines = lines.Where(l => (string)l["territory"] == "Central Valley").ToList();
        Assert.That(valleyLines, Has.Count.EqualTo(Pool.Length));
        foreach (var line in valleyLines)
        {
            var row = rows[(string)line["rsm"]];
            Assert.That(int.Parse((string)line["handoffs"], CultureInfo.InvariantCulture), Is.EqualTo(row["handoffs"]!.GetValue<int>()));
            Assert.That(double.Parse((string)line["fairShare"], CultureInfo.InvariantCulture), Is.EqualTo(row["fairShare"]!.GetValue<double>()));
        }
        Assert.That((string)lines.Single(l => (string)l["territory"] == "Coast")["note"], Does.StartWith("Priority: "));
    }

    [Test]
    public async Task An_rsm_away_for_part_of_the_period_accrues_no_share_while_away()
    {
        var pool = Pool[..2];
        await RoundRobinAsync(pool);
        // Ben is out of office for the first two hours: Ann takes both leads then, and only Ann's share grows.
        _calendars.Items[pool[1].Email] = [new BusyBlock(new Interval(Now - Duration.FromDays(1), Now + Duration.FromHours(2)), BusyStatus.OutOfOffice)];
        App.Clock.Advance(Duration.FromMinutes(30));
        await RouteAndSendAsync("hk-away-001");
        App.Clock.Advance(Duration.FromMinutes(30));
        await RouteAndSendAsync("hk-away-002");
        // Back: Ben starts level with Ann (share only while present), so the tie goes to priority, then to Ben.
        App.Clock.Advance(Duration.FromHours(2));
        await RouteAndSendAsync("hk-away-003");
        App.Clock.Advance(Duration.FromMinutes(10));
        await RouteAndSendAsync("hk-away-004");
        var rows = (await (await Client.GetAsync(Report)).JsonAsync(HttpStatusCode.OK))["fairShares"]!.AsArray()
            .Single(t => t!["territory"]!.GetValue<string>() == "Central Valley")!["periods"]![0]!["rsms"]!.AsArray();
        var ann = rows.Single(r => r!["rsm"]!.GetValue<string>() == pool[0].Email)!;
        var ben = rows.Single(r => r!["rsm"]!.GetValue<string>() == pool[1].Email)!;
        Assert.Multiple(() =>
        {
            // F_Ann = 1 + 1 + ½ + ½, F_Ben = ½ + ½: nothing accrued for Ben while he was away.
            Assert.That(ann["handoffs"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(ben["handoffs"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(ann["fairShare"]!.GetValue<double>(), Is.EqualTo(3));
            Assert.That(ben["fairShare"]!.GetValue<double>(), Is.EqualTo(1));
            Assert.That(ann["difference"]!.GetValue<double>(), Is.EqualTo(0));
        });
    }

    [Test]
    public async Task A_recheck_of_a_sent_invite_leaves_its_own_handoff_out_of_the_counts()
    {
        var pool = Pool[..2];
        await RoundRobinAsync(pool);
        App.Clock.Advance(Duration.FromMinutes(10));
        await SendAsync("hk-recheck-ann", pool[0].Email);
        App.Clock.Advance(Duration.FromMinutes(10));
        await SendAsync("hk-recheck-ben", pool[1].Email);
        App.Clock.Advance(Duration.FromMinutes(10));

        // Counting Ben's own invite, Ann and Ben are level and priority picks Ann: re-checking it would warn.
        async Task<string[]> CodesAsync(string? handoffKey)
        {
            var check = await (await Client.PostJsonAsync("/api/v1/meetings/check", new
            {
                start = "2026-12-03T18:00:00Z", end = "2026-12-03T19:00:00Z", organizerTimeZone = "America/New_York",
                attendees = new[] { pool[1].Email, Prospect }, location = "Acme Metals, Fresno, CA 93706", handoffKey,
            })).JsonAsync(HttpStatusCode.OK);
            return check["warnings"]!.AsArray().Select(w => w!["code"]!.GetValue<string>()).ToArray();
        }
        Assert.That(await CodesAsync(null), Has.Member("OUTSIDE_TERRITORY"));
        // Without it, Ben is the one below share: his own invite is the pick, not a wrong RSM.
        var recheck = await CodesAsync("hk-recheck-ben");
        Assert.That(recheck, Has.No.Member("OUTSIDE_TERRITORY"));
        Assert.That(recheck, Has.Member("TERRITORY_PICK"));
    }
}
