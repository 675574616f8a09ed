using System.Net;
using System.Text.Json.Nodes;
using Handoff.Api.Tests.Support;
using Handoff.Scheduling.Calendars;
using Handoff.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Handoff.Api.Tests.Routing;

/// <summary>
/// The modes at work on the real store (both providers) with scripted calendars: the owner endpoint, the check's
/// OUTSIDE_TERRITORY, the admin routing view with performance weights, and first available with travel.
/// The clock: Tuesday 2026-12-01 15:00 UTC (7:00 AM Pacific); the org's zone is New York, so December began at 05:00 UTC.
/// </summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class RoutingModesApiTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string Jo = "jo.field@example.com";
    private const string Kim = "kim@example.com";
    private static readonly Instant Now = HandoffApp.Now;

    private readonly ScriptedCalendars _calendars = new();

    protected override Action<IServiceCollection>? Services => s =>
    {
        s.RemoveAll<ICalendarSource>();
        s.AddSingleton<ICalendarSource>(_calendars);
    };

    [SetUp]
    public void NoCalendarItems() => _calendars.Items.Clear();

    private async Task<Guid> PoolAsync(string mode, bool creditBack = true, double joWeight = 1, double kimWeight = 1)
    {
        // Both joined the pool before this month's first handoff (an RSM accrues no share before joining).
        App.Clock.Reset(Now - Duration.FromHours(12));
        await CreateAsync("rsms", Samples.Rsm(Jo, "Jo"));
        await CreateAsync("rsms", Samples.Rsm(Kim, "Kim"));
        var t = await CreateAsync("territories", new
        {
            name = "Central Valley", rules = new { postalPrefixes = new[] { "937" } },
            assignments = new[] { new { rsmEmail = Jo, priority = 1, weight = joWeight }, new { rsmEmail = Kim, priority = 2, weight = kimWeight } },
            routing = new { mode, creditBack },
        });
        App.Clock.Reset(Now);
        return t["id"]!.GetValue<Guid>();
    }

    /// <summary>A recorded handoff of the pool, booked <paramref name="hoursAgo"/> hours before now, with an optional outcome.</summary>
    private async Task HandoffAsync(string rsm, double hoursAgo, OutcomeKind? outcome = null, string? vertical = null, string territory = "Central Valley", double startDaysAgo = 0)
    {
        await using var db = Db.OpenContext();
        var at = Now - Duration.FromHours(hoursAgo);
        var start = startDaysAgo > 0 ? Now - Duration.FromDays(startDaysAgo) : at + Duration.FromDays(2);
        var h = new HandoffEntity
        {
            Id = Guid.NewGuid(), Key = "k" + Guid.NewGuid().ToString("N"), SdrKey = "sdr@example.com", RsmKeys = $"|{rsm}|", Territory = territory,
            Vertical = vertical, Start = start, End = start + Duration.FromHours(1), ContentHash = "x", Version = 1, CreatedAt = at, UpdatedAt = at,
        };
        db.Handoffs.Add(h);
        if (outcome is { } kind)
        {
            db.HandoffOutcomes.Add(new HandoffOutcomeEntity
            {
                Id = Guid.NewGuid(), HandoffId = h.Id, HandoffKey = h.Key, Kind = kind, RecordedBy = "test", HandoffVersion = 1, RecordedAt = at,
                Version = 1, CreatedAt = at, UpdatedAt = at,
            });
        }
        await db.SaveChangesAsync();
    }

    private async Task<JsonNode> OwnerAsync() =>
        await (await Client.GetAsync("/api/v1/territories/owner?location=93706")).JsonAsync(HttpStatusCode.OK);

    [TestCase(true, Jo, "Jo: 1 of this month's 2 Central Valley handoffs, fair share 1")]
    [TestCase(false, Kim, "Kim: 1 of this month's 3 Central Valley handoffs, fair share 1.5")]
    public async Task Round_robin_owner_follows_fair_share_and_credit_back(bool creditBack, string expected, string text)
    {
        await PoolAsync("roundRobin", creditBack);
        await HandoffAsync(Jo, 8);
        await HandoffAsync(Jo, 6, OutcomeKind.NoShow);
        await HandoffAsync(Kim, 4);
        // Last month's handoffs do not count.
        await HandoffAsync(Kim, 24 * 5);
        var owner = await OwnerAsync();
        Assert.Multiple(() =>
        {
            Assert.That(owner["owner"]!["email"]!.GetValue<string>(), Is.EqualTo(expected));
            Assert.That(owner["routing"]!["mode"]!.GetValue<string>(), Is.EqualTo("roundRobin"));
            Assert.That(owner["routing"]!["code"]!.GetValue<string>(), Is.EqualTo("FAIR_SHARE"));
            Assert.That(owner["routing"]!["text"]!.GetValue<string>(), Is.EqualTo(text));
        });
    }

    [Test]
    public async Task An_rsm_out_of_office_is_skipped_and_named_and_the_check_warns_for_the_wrong_pool_rsm()
    {
        await PoolAsync("roundRobin");
        await HandoffAsync(Kim, 3);
        await HandoffAsync(Kim, 2);
        // Jo is below share but out of office until Thursday: Kim takes it.
        _calendars.Items[Jo] = [new BusyBlock(new Interval(Now - Duration.FromDays(1), Instant.FromUtc(2026, 12, 3, 17, 0)), BusyStatus.OutOfOffice)];
        var owner = await OwnerAsync();
        Assert.That(owner["owner"]!["email"]!.GetValue<string>(), Is.EqualTo(Kim));
        Assert.That(owner["routing"]!["text"]!.GetValue<string>(), Does.EndWith(" · Jo out of office until Thursday"));

        _calendars.Items.Clear();
        var check = await (await Client.PostJsonAsync("/api/v1/meetings/check", new
        {
            start = "2026-12-08T18:00:00Z", end = "2026-12-08T19:00:00Z", organizerTimeZone = "America/New_York",
            attendees = new[] { Kim, "cfo@acme-metals.example" }, location = "Acme Metals, Fresno, CA 93706",
        })).JsonAsync(HttpStatusCode.OK);
        var warning = check["warnings"]!.AsArray().Single(w => w!["code"]!.GetValue<string>() == "OUTSIDE_TERRITORY")!;
        Assert.That(warning["message"]!.GetValue<string>(), Does.StartWith("Central Valley hands Fresno, CA 93706 out by round robin: this lead goes to Jo, not Kim (Jo: 0 of this month's 2"));

        // Inviting the pick is not a warning, but the pick still says why (an info the pane lists).
        var withPick = await (await Client.PostJsonAsync("/api/v1/meetings/check", new
        {
            start = "2026-12-08T18:00:00Z", end = "2026-12-08T19:00:00Z", organizerTimeZone = "America/New_York",
            attendees = new[] { Jo, "cfo@acme-metals.example" }, location = "Acme Metals, Fresno, CA 93706",
        })).JsonAsync(HttpStatusCode.OK);
        var codes = withPick["warnings"]!.AsArray().Select(w => w!["code"]!.GetValue<string>()).ToArray();
        Assert.That(codes, Has.No.Member("OUTSIDE_TERRITORY"));
        var pick = withPick["warnings"]!.AsArray().Single(w => w!["code"]!.GetValue<string>() == "TERRITORY_PICK")!;
        Assert.That(pick["severity"]!.GetValue<string>(), Is.EqualTo("info"));
        Assert.That(pick["message"]!.GetValue<string>(), Does.StartWith("Central Valley hands Fresno, CA 93706 out by round robin: Jo is next (Jo: 0 of this month's 2"));
    }

    [Test]
    public async Task A_field_plan_marked_as_leave_takes_the_rsm_out_of_the_rotation()
    {
        await PoolAsync("roundRobin");
        await HandoffAsync(Kim, 2);
        var plan = await CreateAsync("field-plans", new
        {
            rsmEmail = Jo, from = "2026-11-30", to = "2026-12-02", place = new { text = "Fresno, CA 93706", latitude = 36.7378, longitude = -119.7871 },
            confidence = 100, leave = true,
        });
        Assert.That(plan["leave"]!.GetValue<bool>(), Is.True);
        var owner = await OwnerAsync();
        Assert.Multiple(() =>
        {
            Assert.That(owner["owner"]!["email"]!.GetValue<string>(), Is.EqualTo(Kim));
            Assert.That(owner["routing"]!["text"]!.GetValue<string>(), Does.EndWith(" · Jo on leave until Thursday"));
            Assert.That(owner["routing"]!["standings"]![0]!["awayKind"]!.GetValue<string>(), Is.EqualTo("leave"));
        });
    }

    [Test]
    public async Task The_admin_view_shows_the_performance_weights_in_force_with_the_floor()
    {
        var id = await PoolAsync("performance");
        for (var i = 0; i < 30; i++)
        {
            await HandoffAsync(Jo, 24 * 20 + i, i < 24 ? OutcomeKind.OpportunityCreated : OutcomeKind.Held, "metals-recycling", "Elsewhere", startDaysAgo: 20);
            await HandoffAsync(Kim, 24 * 20 + i, i < 6 ? OutcomeKind.Held : OutcomeKind.NoShow, "metals-recycling", "Elsewhere", startDaysAgo: 20);
        }
        var state = await (await Client.GetAsync($"/api/v1/admin/territories/{id}/routing?vertical=metals-recycling")).JsonAsync(HttpStatusCode.OK);
        var members = state["performance"]!["members"]!.AsArray();
        var jo = members.Single(m => m!["email"]!.GetValue<string>() == Jo)!;
        var kim = members.Single(m => m!["email"]!.GetValue<string>() == Kim)!;
        Assert.Multiple(() =>
        {
            Assert.That(state["performance"]!["inForce"]!.GetValue<bool>(), Is.True);
            Assert.That(jo["decided"]!.GetValue<int>(), Is.EqualTo(30));
            Assert.That(kim["floored"]!.GetValue<bool>(), Is.True);
            // Floor 0.5 of a plain half share.
            Assert.That(kim["share"]!.GetValue<double>(), Is.EqualTo(0.25).Within(1e-4));
            Assert.That(jo["share"]!.GetValue<double>(), Is.EqualTo(0.75).Within(1e-4));
            Assert.That(state["next"]!["rsmEmail"]!.GetValue<string>(), Is.EqualTo(Jo));
            Assert.That(state["next"]!["text"]!.GetValue<string>(), Does.Contain("(weight ×1.50: held"));
        });
    }

    [Test]
    public async Task First_available_counts_travel_from_the_previous_appointment()
    {
        await PoolAsync("firstAvailable");
        var pacific = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];
        Instant Pacific(int hour) => pacific.AtStrictly(new LocalDateTime(2026, 12, 1, hour, 0)).ToInstant();
        // Jo is free from 9:00 but in Sacramento until then, hours from Fresno; Kim is busy until 10:00 in Fresno itself.
        _calendars.Items[Jo] = [new BusyBlock(new Interval(Pacific(7), Pacific(9)), BusyStatus.Busy, "Sacramento, CA 95814", "Plant visit")];
        _calendars.Items[Kim] = [new BusyBlock(new Interval(Pacific(7), Pacific(10)), BusyStatus.Busy, "Fresno, CA 93706", "Customer meeting")];
        var owner = await OwnerAsync();
        var standings = owner["routing"]!["standings"]!.AsArray();
        Instant Earliest(string email) => NodaTime.Text.InstantPattern.ExtendedIso.Parse(
            standings.Single(s => s!["email"]!.GetValue<string>() == email)!["earliestSlot"]!.GetValue<string>()).Value;
        Assert.Multiple(() =>
        {
            Assert.That(owner["owner"]!["email"]!.GetValue<string>(), Is.EqualTo(Kim));
            Assert.That(owner["routing"]!["code"]!.GetValue<string>(), Is.EqualTo("FIRST_AVAILABLE"));
            Assert.That(Earliest(Kim), Is.GreaterThanOrEqualTo(Pacific(10)).And.LessThan(Pacific(11)));
            // Without the drive from Sacramento Jo would be free at 9:00.
            Assert.That(Earliest(Jo), Is.GreaterThan(Pacific(11)));
            Assert.That(owner["routing"]!["text"]!.GetValue<string>(), Does.StartWith("Kim: earliest feasible slot in Central Valley, today 1:"), "10:xx AM Pacific in the org's zone (New York)");
        });
    }
}

/// <summary>Calendars as a test sets them: each RSM's items, every read answered.</summary>
public sealed class ScriptedCalendars : ICalendarSource
{
    public Dictionary<string, BusyBlock[]> Items { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Task<IReadOnlyList<CalendarLookup>> ReadAsync(IReadOnlyList<string> emails, Interval window, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CalendarLookup>>(emails.Select(e => CalendarLookup.Found(e,
            new RsmCalendar(Items.GetValueOrDefault(e, []).Where(b => b.Overlaps(window)).ToArray()))).ToArray());
}
