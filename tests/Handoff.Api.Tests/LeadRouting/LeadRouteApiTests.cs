using System.Net;
using System.Text.Json.Nodes;
using Handoff.Api.Demo;
using Handoff.Api.Tests.PlaceAware;
using Handoff.Api.Tests.Support;
using Handoff.Scheduling.Calendars;
using Handoff.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Handoff.Api.Tests.LeadRouting;

/// <summary>
/// POST /api/v1/leads/route end to end on the demo org (seeded into each provider's store), its calendars counted.
/// The clock stands at Tuesday 2026-11-24 20:00 UTC: noon for Dana Ruiz in Fresno (her Tuesday plant visit ended at
/// 11:30, a tentative call at 2:00 PM), 2:00 PM in Chicago (Central's tentative call 2–3 PM).
/// </summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class LeadRouteApiTests(DatabaseProvider provider)
{
    public static readonly Instant Now = Instant.FromUtc(2026, 11, 24, 20, 0);
    private const string Sacramento = "Valley Scrap Metals, 1200 Richards Blvd, Sacramento, CA 95811";
    private const string Lead = "cfo@valleyscrap.example";

    private TestDatabase _db = null!;
    private HandoffApp _app = null!;
    private HttpClient _client = null!;
    private CountingCalendars _calendars = null!;
    private ICalendarSource _inner = new DemoCalendarSource();

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _db = await TestDatabase.CreateAsync(provider);
        _calendars = new CountingCalendars(new SwitchableCalendars(this));
        _app = new HandoffApp(_db, new Dictionary<string, string?> { ["Demo:Seed"] = null }, services =>
        {
            services.RemoveAll<ICalendarSource>();
            services.AddSingleton<ICalendarSource>(_calendars);
        });
        _app.Clock.Reset(Now);
        _client = _app.CreateClient();
    }

    [SetUp]
    public async Task ResetAsync()
    {
        _inner = new DemoCalendarSource();
        _app.Clock.Reset(Now);
        await using var db = _db.OpenContext();
        await db.Leads.ExecuteDeleteAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    private async Task<JsonNode> RouteAsync(object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await _client.PostJsonAsync("/api/v1/leads/route", body)).JsonAsync(expected);

    private static string[] Codes(JsonNode body, string list) => body[list]!.AsArray().Select(w => w!["code"]!.GetValue<string>()).ToArray();

    [Test]
    public async Task A_Sacramento_lead_goes_to_the_owner_with_reasons_slots_alternatives_and_live_now_from_one_calendar_read()
    {
        var before = _calendars.Reads;
        var body = await RouteAsync(new { email = Lead, externalId = "form-42", place = Sacramento, vertical = "metals-recycling", score = 72, name = "Pat Rivera" });

        Assert.That(_calendars.Reads - before, Is.EqualTo(1), "one calendar read for the whole pool");
        Assert.Multiple(() =>
        {
            Assert.That(body["rsm"]!["email"]!.GetValue<string>(), Is.EqualTo("rsm.west@example.com"));
            Assert.That(body["mode"]!.GetValue<string>(), Is.EqualTo("priority"));
            Assert.That(Codes(body, "reasons"), Does.Contain("TERRITORY_OWNER"));
            Assert.That(body["explanation"]!.GetValue<string>(), Does.Contain("Dana Ruiz"));
            Assert.That(body["territory"], Is.Not.Null);
            Assert.That(Codes(body, "warnings"), Is.Empty, body.ToJsonString());
        });

        var slots = body["slots"]!.AsArray();
        Assert.That(slots, Is.Not.Empty);
        var starts = slots.Select(s => Instant.FromDateTimeOffset(DateTimeOffset.Parse(s!["start"]!.GetValue<string>()))).ToArray();
        Assert.That(starts, Is.Ordered, "earliest first");
        Assert.That(starts[0], Is.GreaterThanOrEqualTo(Now + Duration.FromHours(1)), "no slot inside the minimum notice");
        foreach (var slot in slots)
        {
            // Every slot passed the full check: travel from Fresno to Sacramento is one of its reasons, the prospect is in hours.
            Assert.That(Codes(slot!, "reasons"), Does.Contain("PROSPECT_BUSINESS_HOURS").And.Contain("RSM_AVAILABLE"));
            var prospect = slot!["times"]!.AsArray().Single(t => t!["party"]!.GetValue<string>() == "prospect");
            var local = LocalDateTime.FromDateTime(DateTime.Parse(prospect!["localStart"]!.GetValue<string>()));
            Assert.That(local.Hour, Is.InRange(8, 17), "inside the prospect's business hours");
        }

        var alternatives = body["alternatives"]!.AsArray();
        Assert.That(alternatives.Select(a => a!["rsm"]!["email"]!.GetValue<string>()), Does.Not.Contain("rsm.west@example.com"));

        var live = body["liveNow"]!.AsArray();
        Assert.That(live.Select(l => l!["rsm"]!["email"]!.GetValue<string>()).First(), Is.EqualTo("rsm.west@example.com"), "Dana is free at noon until her 2:00 PM call");
        Assert.That(live[0]!["message"]!.GetValue<string>(), Does.Contain("free now until 2:00 PM"));
    }

    [Test]
    public async Task Nobody_is_live_inside_a_calendar_item_or_outside_working_hours()
    {
        _app.Clock.Reset(Instant.FromUtc(2026, 11, 24, 17, 0)); // 9:00 AM Pacific: Dana is at the plant visit until 11:30
        var body = await RouteAsync(new { email = Lead, place = Sacramento });
        Assert.That(body["liveNow"]!.AsArray().Select(l => l!["rsm"]!["email"]!.GetValue<string>()), Does.Not.Contain("rsm.west@example.com"));

        _app.Clock.Reset(Instant.FromUtc(2026, 11, 25, 6, 0)); // 10:00 PM Pacific
        body = await RouteAsync(new { email = Lead, place = Sacramento });
        Assert.That(body["liveNow"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task The_lead_context_is_written_once_and_a_repeat_changes_nothing()
    {
        var first = await RouteAsync(new { email = Lead, externalId = "form-42", place = Sacramento, vertical = "metals-recycling", score = 72, company = "Valley Scrap Metals", context = "Quote for 3 yards" });
        Assert.That(first["lead"]!["created"]!.GetValue<bool>(), Is.True);
        int Audited()
        {
            using var db = _db.OpenContext();
            return db.AuditEntries.Count(a => a.Resource == "lead");
        }
        var audited = Audited();
        var again = await RouteAsync(new { email = Lead.ToUpperInvariant(), externalId = "form-42", place = Sacramento, vertical = "metals-recycling", score = 72, company = "Valley Scrap Metals", context = "Quote for 3 yards" });
        Assert.That(again["lead"]!["changed"]!.GetValue<bool>(), Is.False);
        Assert.That(again["lead"]!["version"]!.GetValue<int>(), Is.EqualTo(1));

        var stored = await (await _client.GetAsync($"/api/v1/leads/{Lead}")).JsonAsync(HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(stored["customFields"]!["externalId"]!.GetValue<string>(), Is.EqualTo("form-42"));
            Assert.That(stored["customFields"]!["context"]!.GetValue<string>(), Is.EqualTo("Quote for 3 yards"));
            Assert.That(stored["score"]!.GetValue<int>(), Is.EqualTo(72));
            Assert.That(stored["place"]!.GetValue<string>(), Is.EqualTo(Sacramento));
            Assert.That(stored["cameInAt"]!.GetValue<string>(), Is.EqualTo("2026-11-24T20:00:00Z"), "speed to lead starts when the lead reached Handoff");
        });
        Assert.That(Audited(), Is.EqualTo(audited), "the repeat wrote nothing");
    }

    [Test]
    public async Task A_stored_place_routes_a_form_that_sends_only_the_email()
    {
        await (await _client.PutJsonAsync($"/api/v1/leads/{Lead}", new { place = "Fresno, CA 93706", score = 50, activities = new[] { new { at = "2026-11-20T15:00:00Z", kind = "webinar", title = "Scrap yard security" } } }, null))
            .JsonAsync(HttpStatusCode.Created);
        var body = await RouteAsync(new { email = Lead, score = 80 });
        Assert.That(body["rsm"]!["email"]!.GetValue<string>(), Is.EqualTo("rsm.west@example.com"));
        var stored = await (await _client.GetAsync($"/api/v1/leads/{Lead}")).JsonAsync(HttpStatusCode.OK);
        Assert.That(stored["activities"]!.AsArray(), Has.Count.EqualTo(1), "what marketing automation stored is kept");
        Assert.That(stored["score"]!.GetValue<int>(), Is.EqualTo(80));
    }

    [Test]
    public async Task A_structured_place_routes_like_the_text()
    {
        var body = await RouteAsync(new { email = Lead, structuredPlace = new { city = "Fresno", region = "US-CA", postalCode = "93706", country = "US" } });
        Assert.That(body["rsm"]!["email"]!.GetValue<string>(), Is.EqualTo("rsm.west@example.com"));
        Assert.That(body["place"]!["label"]!.GetValue<string>(), Does.Contain("Fresno"));
    }

    [Test]
    public async Task An_unknown_place_is_a_warning_not_a_guess()
    {
        var body = await RouteAsync(new { email = Lead, place = "Qwxzv Plaza" });
        Assert.That(Codes(body, "warnings"), Does.Contain("LEAD_PLACE_UNKNOWN").And.Contain("LEAD_NO_RSM"));
        Assert.That(body.AsObject().ContainsKey("rsm") && body["rsm"] is null, "rsm is written as null");
        Assert.That(body["slots"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task An_ambiguous_place_is_routed_by_its_likeliest_reading_with_a_warning()
    {
        var body = await RouteAsync(new { email = "buyer@acme.example", place = "London" });
        var warning = body["warnings"]!.AsArray().Single(w => w!["code"]!.GetValue<string>() == "PROSPECT_PLACE_AMBIGUOUS");
        Assert.That(warning!["message"]!.GetValue<string>(), Does.Contain("London, ON"));
    }

    [Test]
    public async Task A_calendar_outage_is_a_warning_and_the_pick_stands()
    {
        _inner = new DownCalendars();
        var body = await RouteAsync(new { email = Lead, place = Sacramento });
        Assert.Multiple(() =>
        {
            Assert.That(body["rsm"]!["email"]!.GetValue<string>(), Is.EqualTo("rsm.west@example.com"));
            Assert.That(Codes(body, "warnings"), Does.Contain("CALENDAR_UNAVAILABLE"));
            Assert.That(body["slots"]!.AsArray(), Is.Empty);
            Assert.That(body["liveNow"]!.AsArray(), Is.Empty, "an unread calendar never counts as free");
        });
    }

    [Test]
    public async Task Bad_input_is_400_naming_each_field()
    {
        var errors = await (await _client.PostJsonAsync("/api/v1/leads/route", new
        {
            email = "not-an-email", score = 5000, vertical = "metals recycling", durationMinutes = 5, timeZone = "Mars/Olympus",
            slotsPerRsm = 0, structuredPlace = new { latitude = 95.0, longitude = 10.0, country = "USA" },
        })).ErrorsAsync();
        Assert.That(errors.Keys, Is.SupersetOf(new[] { "email", "score", "vertical", "durationMinutes", "timeZone", "slotsPerRsm", "structuredPlace.latitude", "structuredPlace.country" }));

        errors = await (await _client.PostJsonAsync("/api/v1/leads/route", new { place = Sacramento })).ErrorsAsync();
        Assert.That(errors.Keys, Does.Contain("email"));
    }

    /// <summary>Lets a test swap the calendar behind the counter.</summary>
    private sealed class SwitchableCalendars(LeadRouteApiTests test) : ICalendarSource
    {
        public Task<IReadOnlyList<CalendarLookup>> ReadAsync(IReadOnlyList<string> emails, Interval window, CancellationToken cancellationToken) =>
            test._inner.ReadAsync(emails, window, cancellationToken);
    }

    private sealed class DownCalendars : ICalendarSource
    {
        public Task<IReadOnlyList<CalendarLookup>> ReadAsync(IReadOnlyList<string> emails, Interval window, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<CalendarLookup>>(emails.Select(e => CalendarLookup.Failed(e, new CalendarProblem("Microsoft Graph is unavailable (HTTP 503)", Outage: true))).ToArray());
    }
}

/// <summary>Only the integration role (and admins) route leads.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class LeadRouteRoleTests(DatabaseProvider provider) : ApiTest(provider)
{
    protected override IDictionary<string, string?> Settings => Tokens.Settings;

    [Test]
    public async Task Integration_and_admin_may_route_an_sdr_may_not()
    {
        var lead = new { email = "cfo@valleyscrap.example", place = "Fresno, CA 93706" };
        Client.Bearer(Tokens.Mint(["Handoff.Integration"]));
        await (await Client.PostJsonAsync("/api/v1/leads/route", lead)).JsonAsync(HttpStatusCode.OK);
        Client.Bearer(Tokens.Mint(["Handoff.Admin"]));
        await (await Client.PostJsonAsync("/api/v1/leads/route", lead)).JsonAsync(HttpStatusCode.OK);
        Client.Bearer(Tokens.Mint(["Handoff.Sdr"], email: "sdr@example.com"));
        await (await Client.PostJsonAsync("/api/v1/leads/route", lead)).ProblemAsync(HttpStatusCode.Forbidden);
        Client.DefaultRequestHeaders.Authorization = null;
        await (await Client.PostJsonAsync("/api/v1/leads/route", lead)).ProblemAsync(HttpStatusCode.Unauthorized);
    }
}
