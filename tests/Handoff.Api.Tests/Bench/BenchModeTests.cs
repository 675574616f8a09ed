using System.Net;
using Handoff.Api.Bench;
using Handoff.Api.Infrastructure;
using Handoff.Api.Tests.Support;
using Handoff.Storage;
using Microsoft.Extensions.Configuration;
using NodaTime;

namespace Handoff.Api.Tests.Bench;

/// <summary>The load-test fixtures are off unless asked for, and when on they give the load the scripts rely on.</summary>
public sealed class BenchModeTests
{
    private static readonly Dictionary<string, string?> BenchOn = new()
    {
        ["Bench:Enabled"] = "true",
        ["Bench:Rsms"] = "5",
        ["Bench:EventsPerRsm"] = "200",
    };

    private static object Draft(string start, string end) => new
    {
        start,
        end,
        organizerTimeZone = "Eastern Standard Time",
        organizerEmail = "sdr@example.com",
        attendees = new[] { BenchOrg.Email(1), BenchOrg.Email(2), BenchOrg.Email(3), BenchOrg.Email(4), BenchOrg.Email(5), "cfo@acme-metals.example" },
        location = "Acme Metals, 2200 E Jensen Ave, Fresno, CA 93706",
    };

    [Test]
    public async Task Without_bench_settings_there_is_no_echo_endpoint_and_no_synthetic_org()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new HandoffApp(db);
        var client = app.CreateClient();

        await (await client.PostJsonAsync("/api/v1/meetings/echo", new { })).JsonAsync(HttpStatusCode.NotFound);
        var check = await (await client.PostJsonAsync("/api/v1/meetings/check", Draft("2026-12-03T18:00:00Z", "2026-12-03T19:00:00Z"))).JsonAsync(HttpStatusCode.OK);
        Assert.That(check["rsms"]!.AsArray(), Is.Empty, "bench.rsm01… are nobody in an ordinary org");
    }

    [Test]
    public async Task Bench_mode_answers_the_echo_and_checks_against_the_synthetic_org()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new HandoffApp(db, BenchOn);
        var client = app.CreateClient();

        var echo = await (await client.PostJsonAsync("/api/v1/meetings/echo", Draft("2026-12-03T18:00:00Z", "2026-12-03T19:00:00Z"))).JsonAsync(HttpStatusCode.OK);
        Assert.That(echo.ToJsonString(), Is.EqualTo("""{"verdict":"ok"}"""));

        // 10–11 AM Pacific lies in the synthetic calendars' open hours; 7–8 AM Pacific does not.
        var clear = await (await client.PostJsonAsync("/api/v1/meetings/check", Draft("2026-12-03T18:00:00Z", "2026-12-03T19:00:00Z"))).JsonAsync(HttpStatusCode.OK);
        var busy = await (await client.PostJsonAsync("/api/v1/meetings/check", Draft("2026-12-03T15:00:00Z", "2026-12-03T16:00:00Z"))).JsonAsync(HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(clear["rsms"]!.AsArray(), Has.Count.EqualTo(5));
            Assert.That(clear["verdict"]!.GetValue<string>(), Is.EqualTo("ok"), clear.ToJsonString());
            Assert.That(busy["verdict"]!.GetValue<string>(), Is.EqualTo("blocked"));
            Assert.That(busy["warnings"]!.AsArray().Select(w => w!["code"]!.GetValue<string>()), Does.Contain("RSM_BUSY"));
        });
    }

    [Test]
    public async Task Bench_settings_without_enabled_stop_the_app_naming_them()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new HandoffApp(db, new Dictionary<string, string?> { ["Bench:Rsms"] = "5" });
        var error = Assert.Catch(() => app.CreateClient());
        Assert.That(error!.ToString(), Does.Contain("Bench:Rsms").And.Contain("Bench:Enabled"));
    }

    [Test]
    public async Task Synthetic_calendars_and_graph_cannot_both_be_on()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new HandoffApp(db, new Dictionary<string, string?>(BenchOn)
        {
            ["Graph:BaseUrl"] = "http://127.0.0.1:9/v1.0",
            ["Graph:AccessToken"] = "x",
        });
        var error = Assert.Catch(() => app.CreateClient());
        Assert.That(error!.ToString(), Does.Contain("Bench:EventsPerRsm").And.Contain("Graph"));
    }

    [Test]
    public void A_synthetic_calendar_has_exactly_the_items_asked_for_inside_the_window_and_none_in_the_open_hours()
    {
        var window = new Interval(Instant.FromUtc(2026, 12, 3, 0, 0), Instant.FromUtc(2026, 12, 5, 0, 0));

        var items = BenchCalendarSource.Items(BenchOrg.Email(1), window, 200, "Fresno, CA 93706");

        Assert.Multiple(() =>
        {
            Assert.That(items, Has.Length.EqualTo(200));
            Assert.That(items.Select(i => i.Interval.Start), Is.Ordered);
            Assert.That(items.All(i => i.Interval.Start >= window.Start && i.Interval.End <= window.End));
            Assert.That(items.Where(i => InOpenHours(i.Interval)), Is.Empty);
            Assert.That(BenchCalendarSource.Items(BenchOrg.Email(1), window, 200, "Fresno, CA 93706"), Is.EqualTo(items), "deterministic");
            Assert.That(BenchCalendarSource.Items(BenchOrg.Email(2), window, 200, "Fresno, CA 93706"), Is.Not.EqualTo(items), "one calendar per RSM");
        });
    }

    private static bool InOpenHours(Interval item)
    {
        var day = item.Start.InUtc().Date;
        var open = new Interval((day + BenchCalendarSource.OpenFrom).InUtc().ToInstant(), (day + BenchCalendarSource.OpenTo).InUtc().ToInstant());
        return item.Start < open.End && open.Start < item.End;
    }

    [Test]
    public void A_fixed_instant_stops_the_clock_and_a_bad_one_names_the_setting()
    {
        IConfiguration Config(string? value) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [ClockSetup.FixedInstantKey] = value }).Build();

        Assert.Multiple(() =>
        {
            Assert.That(ClockSetup.FixedFrom(Config(null)), Is.Null, "unset: the wall clock");
            Assert.That(ClockSetup.FixedFrom(Config("2026-11-23T14:00:00Z"))!.GetCurrentInstant(), Is.EqualTo(Instant.FromUtc(2026, 11, 23, 14, 0)));
            Assert.That(() => ClockSetup.FixedFrom(Config("next tuesday")), Throws.InstanceOf<InvalidOperationException>().With.Message.Contains("Clock:FixedInstant"));
        });
    }
}
