using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Handoff.Api.Demo;
using Handoff.Graph.Fake;
using Handoff.Scheduling.Calendars;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Handoff.Graph.Tests.Samples;

namespace Handoff.Graph.Tests;

/// <summary>
/// The API with Graph__BaseUrl pointing at the fake on a loopback port and Graph__AccessToken set, as a
/// newcomer would try it: checks reflect the fake's calendars, and Graph failures become warnings, not errors.
/// </summary>
public class ApiEndToEndTests
{
    private const string Token = "token-from-graph-explorer";

    private FakeGraph _graph = null!;
    private FakeGraphServer _server = null!;

    [SetUp]
    public async Task StartFake()
    {
        _graph = new FakeGraph { RequiredToken = Token };
        _server = await FakeGraphServer.StartLoopbackAsync(_graph);
    }

    [TearDown]
    public async Task StopFake() => await _server.DisposeAsync();

    [Test]
    public async Task Check_ReflectsTheFakesCalendar_ThroughTheLoopbackBaseUrl()
    {
        // Tuesday 2027-03-09, 09:00–10:00 Pacific (before US daylight time starts on the 14th).
        _graph.AddMailbox(West, m => m.Add(At("2027-03-09T16:30:00Z"), At("2027-03-09T17:30:00Z"), "busy", "Quarterly business review", "Fresno, CA"));
        await using var api = Api(("Graph:BaseUrl", _server.BaseUrl), ("Graph:AccessToken", Token));

        var warnings = await CheckAsync(api, "2027-03-09T17:00:00Z", "2027-03-09T18:00:00Z", West);

        var busy = warnings.Single(w => w.Code == "RSM_BUSY");
        Assert.That(busy.Message, Does.Contain("Quarterly business review").And.Contain("Fresno, CA"));
        // One read: a blocked check's suggestions come from the same read (it covers the days after the meeting too).
        Assert.That(_graph.ScheduleCalls, Is.EqualTo(1));
        var request = _graph.Requests[0];
        Assert.That(request.Path, Is.EqualTo("/v1.0/me/calendar/getSchedule"), "a delegated token without Graph:ScheduleMailbox asks as the signed-in user");
        Assert.That(request.Authorization, Is.EqualTo($"Bearer {Token}"));
    }

    [Test]
    public async Task Check_UsesTheScheduleMailbox_WhenConfigured()
    {
        _graph.AddMailbox(West);
        await using var api = Api(("Graph:BaseUrl", _server.BaseUrl), ("Graph:AccessToken", Token), ("Graph:ScheduleMailbox", "handoff-scheduler@example.com"));

        await CheckAsync(api, "2027-03-09T17:00:00Z", "2027-03-09T18:00:00Z", West);

        Assert.That(_graph.Requests.Single().Path, Is.EqualTo("/v1.0/users/handoff-scheduler@example.com/calendar/getSchedule"));
    }

    [Test]
    public async Task Check_WithAMailboxGraphDoesNotKnow_WarnsForThatRsmOnly()
    {
        _graph.AddMailbox(West, m => m.Add(At("2027-03-09T17:00:00Z"), At("2027-03-09T18:00:00Z"), "oof", "Vacation"));
        await using var api = Api(("Graph:BaseUrl", _server.BaseUrl), ("Graph:AccessToken", Token));

        var warnings = await CheckAsync(api, "2027-03-09T17:00:00Z", "2027-03-09T18:00:00Z", West, East);

        Assert.That(warnings.Single(w => w.Code == "RSM_OUT_OF_OFFICE").Email, Is.EqualTo(West));
        var unavailable = warnings.Single(w => w.Code == "RSM_CALENDAR_UNAVAILABLE");
        Assert.That(unavailable.Email, Is.EqualTo(East));
        Assert.That(unavailable.Message, Does.Contain("Microsoft 365 does not know this address"));
        // One getSchedule for both RSMs, which also serves the suggestions the blocked check carries.
        Assert.That(_graph.ScheduleCalls, Is.EqualTo(1));
        Assert.That(_graph.Requests.Select(r => r.Schedules.Count), Is.EqualTo(new[] { 2 }));
    }

    [Test]
    public async Task Check_WhenGraphIsDown_AnswersWithCalendarUnavailable()
    {
        _graph.AddMailbox(West);
        _graph.PersistentFault = FakeFault.Unavailable();
        await using var api = Api(("Graph:BaseUrl", _server.BaseUrl), ("Graph:AccessToken", Token));

        var warnings = await CheckAsync(api, "2027-03-09T17:00:00Z", "2027-03-09T18:00:00Z", West);

        var warning = warnings.Single(w => w.Code == "CALENDAR_UNAVAILABLE");
        Assert.That(warning.Message, Does.StartWith("Could not verify the RSM's calendar: Microsoft Graph is unavailable (HTTP 503"));
    }

    [Test]
    public async Task Check_WithAWrongToken_AnswersWithCalendarUnavailable()
    {
        _graph.AddMailbox(West);
        await using var api = Api(("Graph:BaseUrl", _server.BaseUrl), ("Graph:AccessToken", "expired-token"));

        var warnings = await CheckAsync(api, "2027-03-09T17:00:00Z", "2027-03-09T18:00:00Z", West);

        Assert.That(warnings.Single(w => w.Code == "CALENDAR_UNAVAILABLE").Message, Does.Contain("HTTP 401"));
    }

    [Test]
    public async Task RepeatedChecks_WhileTheSdrNudgesTheTime_HitGraphOnce()
    {
        _graph.AddMailbox(West);
        await using var api = Api(("Graph:BaseUrl", _server.BaseUrl), ("Graph:AccessToken", Token));

        await CheckAsync(api, "2027-03-09T17:00:00Z", "2027-03-09T18:00:00Z", West);
        await CheckAsync(api, "2027-03-09T17:30:00Z", "2027-03-09T18:30:00Z", West);
        await CheckAsync(api, "2027-03-09T18:00:00Z", "2027-03-09T19:00:00Z", West);

        Assert.That(_graph.ScheduleCalls, Is.EqualTo(1));
    }

    [Test]
    public async Task NoGraphSection_KeepsTheDemoCalendar()
    {
        await using var api = Api();

        Assert.That(api.Services.GetRequiredService<ICalendarSource>(), Is.InstanceOf<DemoCalendarSource>());
    }

    [Test]
    public async Task GraphSection_ReplacesTheDemoCalendar()
    {
        await using var api = Api(("Graph:BaseUrl", _server.BaseUrl), ("Graph:AccessToken", Token));

        Assert.That(api.Services.GetRequiredService<ICalendarSource>(), Is.InstanceOf<GraphCalendarSource>());
        Assert.That(api.Services.GetServices<ICalendarSource>().Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task IncompleteGraphSection_FailsStartUp_NamingTheSetting()
    {
        await using var api = Api(("Graph:ClientId", "00000000-0000-0000-0000-0000000000bb"), ("Graph:ClientSecret", "s3cret"), ("Graph:ScheduleMailbox", "scheduler@example.com"));

        var failure = Assert.Catch(() => api.CreateClient());

        Assert.That(Flatten(failure!).OfType<OptionsValidationException>().Single().Message, Does.Contain("Graph:TenantId is required with Graph:ClientSecret"));
    }

    private static IEnumerable<Exception> Flatten(Exception e) =>
        e is AggregateException a ? a.InnerExceptions.SelectMany(Flatten) : e.InnerException is null ? [e] : new[] { e }.Concat(Flatten(e.InnerException));

    private static WebApplicationFactory<Program> Api(params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            // Each host gets its own throwaway store, never a handoff.db in the source tree.
            b.UseSetting("ConnectionStrings:Handoff", $"Data Source={Path.Combine(Path.GetTempPath(), $"handoff-graph-{Guid.NewGuid():N}.db")}");
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }
        });

    private sealed record WarningJson(string Code, string? Email, string Message);

    private static async Task<IReadOnlyList<WarningJson>> CheckAsync(WebApplicationFactory<Program> api, string start, string end, params string[] rsms)
    {
        using var client = api.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/meetings/check", new
        {
            start,
            end,
            organizerTimeZone = "America/New_York",
            organizerEmail = "sdr@example.com",
            attendees = rsms.Append("buyer@prospect.example").ToArray(),
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("warnings").EnumerateArray()
            .Select(w => new WarningJson(w.GetProperty("code").GetString()!, w.TryGetProperty("email", out var e) ? e.GetString() : null, w.GetProperty("message").GetString()!))
            .ToArray();
    }
}
