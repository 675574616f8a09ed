using System.Net;
using System.Text.Json.Nodes;
using Handoff.Api.Tests.PlaceAware;
using Handoff.Api.Tests.Routing;
using Handoff.Api.Tests.Support;
using Handoff.Scheduling.Calendars;
using Handoff.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Handoff.Api.Tests.LeadRouting;

/// <summary>
/// Lead routing follows the territory's assignment mode (the routing feature's picker), on both providers, and the
/// mode's inputs come from lead routing's one calendar read. Clock: Tuesday 2026-12-01 15:00 UTC (7:00 AM Pacific).
/// </summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class LeadRouteModesTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string Jo = "jo.field@example.com";
    private const string Kim = "kim@example.com";
    private static readonly Instant Now = HandoffApp.Now;

    private readonly ScriptedCalendars _scripted = new();
    private CountingCalendars? _calendars;

    protected override Action<IServiceCollection>? Services => s =>
    {
        _calendars = new CountingCalendars(_scripted);
        s.RemoveAll<ICalendarSource>();
        s.AddSingleton<ICalendarSource>(_calendars);
    };

    [SetUp]
    public void NoCalendarItems() => _scripted.Items.Clear();

    private async Task PoolAsync(string mode)
    {
        App.Clock.Reset(Now - Duration.FromHours(12));
        await CreateAsync("rsms", Samples.Rsm(Jo, "Jo"));
        await CreateAsync("rsms", Samples.Rsm(Kim, "Kim"));
        await CreateAsync("territories", new
        {
            name = "Central Valley", rules = new { postalPrefixes = new[] { "937" } },
            assignments = new[] { new { rsmEmail = Jo, priority = 1, weight = 1.0 }, new { rsmEmail = Kim, priority = 2, weight = 1.0 } },
            routing = new { mode },
        });
        App.Clock.Reset(Now);
    }

    private async Task HandoffAsync(string rsm, double hoursAgo)
    {
        await using var db = Db.OpenContext();
        var at = Now - Duration.FromHours(hoursAgo);
        db.Handoffs.Add(new HandoffEntity
        {
            Id = Guid.NewGuid(), Key = "k" + Guid.NewGuid().ToString("N"), SdrKey = "sdr@example.com", RsmKeys = $"|{rsm}|", Territory = "Central Valley",
            Start = at + Duration.FromDays(2), End = at + Duration.FromDays(2) + Duration.FromHours(1), ContentHash = "x", Version = 1, CreatedAt = at, UpdatedAt = at,
        });
        await db.SaveChangesAsync();
    }

    private async Task<JsonNode> RouteAsync()
    {
        var before = _calendars!.Reads;
        var body = await (await Client.PostJsonAsync("/api/v1/leads/route", new { email = "gm@fresno-scrap.example", place = "Fresno, CA 93706" })).JsonAsync(HttpStatusCode.OK);
        Assert.That(_calendars.Reads - before, Is.EqualTo(1), "the mode's absences come from the same one read");
        return body;
    }

    [Test]
    public async Task Round_robin_picks_the_rsm_furthest_below_their_share_and_explains_it()
    {
        await PoolAsync("roundRobin");
        await HandoffAsync(Jo, 3);
        await HandoffAsync(Jo, 2);

        var body = await RouteAsync();

        Assert.Multiple(() =>
        {
            Assert.That(body["rsm"]!["email"]!.GetValue<string>(), Is.EqualTo(Kim));
            Assert.That(body["mode"]!.GetValue<string>(), Is.EqualTo("roundRobin"));
            Assert.That(body["reasons"]![0]!["code"]!.GetValue<string>(), Is.EqualTo("FAIR_SHARE"));
            Assert.That(body["explanation"]!.GetValue<string>(), Does.StartWith("Kim: 0 of this month's 2 Central Valley handoffs, fair share 1"));
            Assert.That(body["routing"]!["standings"]!.AsArray().Select(s => s!["count"]!.GetValue<int>()), Is.EqualTo(new[] { 2, 0 }));
            Assert.That(body["alternatives"]!.AsArray().Select(a => a!["rsm"]!["email"]!.GetValue<string>()), Does.Contain(Jo));
        });
    }

    [Test]
    public async Task An_rsm_out_of_office_is_skipped_and_named()
    {
        await PoolAsync("roundRobin");
        await HandoffAsync(Jo, 3);
        // Kim is out of office from yesterday to Thursday: Jo gets the lead although above her share.
        _scripted.Items[Kim] = [new BusyBlock(new Interval(Now - Duration.FromDays(1), Now + Duration.FromDays(2)), BusyStatus.OutOfOffice)];

        var body = await RouteAsync();

        Assert.That(body["rsm"]!["email"]!.GetValue<string>(), Is.EqualTo(Jo));
        Assert.That(body["explanation"]!.GetValue<string>(), Does.Contain("Kim out of office until Thursday"));
        Assert.That(body["liveNow"]!.AsArray().Select(l => l!["rsm"]!["email"]!.GetValue<string>()), Does.Not.Contain(Kim));
    }

    [Test]
    public async Task First_available_picks_the_earliest_feasible_slot_from_the_same_search()
    {
        await PoolAsync("firstAvailable");
        // Jo is booked solid for the next three days; Kim is free.
        _scripted.Items[Jo] = [new BusyBlock(new Interval(Now, Now + Duration.FromDays(3)), BusyStatus.Busy)];

        var body = await RouteAsync();

        Assert.That(body["rsm"]!["email"]!.GetValue<string>(), Is.EqualTo(Kim));
        Assert.That(body["reasons"]![0]!["code"]!.GetValue<string>(), Is.EqualTo("FIRST_AVAILABLE"));
        var earliest = body["routing"]!["standings"]!.AsArray().Single(s => s!["email"]!.GetValue<string>() == Kim)!["earliestSlot"]!.GetValue<string>();
        Assert.That(body["slots"]![0]!["start"]!.GetValue<string>(), Is.EqualTo(earliest), "the pick's reason and the offered slot are the same");
    }

    [Test]
    public async Task Priority_territories_keep_todays_owner()
    {
        await PoolAsync("priority");
        await HandoffAsync(Jo, 3);
        var body = await RouteAsync();
        Assert.That(body["rsm"]!["email"]!.GetValue<string>(), Is.EqualTo(Jo));
        Assert.That(body["mode"]!.GetValue<string>(), Is.EqualTo("priority"));
        Assert.That(body["routing"], Is.Null);
    }
}
