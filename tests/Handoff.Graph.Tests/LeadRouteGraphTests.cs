using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Handoff.Graph.Fake;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using static Handoff.Graph.Tests.Samples;

namespace Handoff.Graph.Tests;

/// <summary>
/// POST /api/v1/leads/route through the real Graph SDK pipeline against the fake: the whole pool in ONE getSchedule,
/// and a Graph outage is a warning while the pick still stands.
/// </summary>
public class LeadRouteGraphTests
{
    private const string Token = "token-from-graph-explorer";
    private const string Central = "rsm.central@example.com";
    private const string Mountain = "rsm.mountain@example.com";

    private FakeGraph _graph = null!;
    private FakeGraphServer _server = null!;

    [SetUp]
    public async Task StartFake()
    {
        _graph = new FakeGraph { RequiredToken = Token };
        foreach (var rsm in new[] { West, East, Central, Mountain })
        {
            _graph.AddMailbox(rsm);
        }
        _server = await FakeGraphServer.StartLoopbackAsync(_graph);
    }

    [TearDown]
    public async Task StopFake() => await _server.DisposeAsync();

    [Test]
    public async Task The_pool_is_read_in_one_getSchedule()
    {
        await using var api = Api();
        var body = await RouteAsync(api);

        Assert.That(body.GetProperty("rsm").GetProperty("email").GetString(), Is.EqualTo(West));
        Assert.That(_graph.ScheduleCalls, Is.EqualTo(1), "one calendar read for the pool");
        var asked = _graph.Requests.Single(r => r.IsGetSchedule).Schedules;
        var pool = body.GetProperty("alternatives").EnumerateArray().Select(a => a.GetProperty("rsm").GetProperty("email").GetString()).Append(West).ToArray();
        Assert.That(asked, Is.EquivalentTo(pool), "every RSM of the pool, and only them");
        Assert.That(body.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()), Does.Not.Contain("CALENDAR_UNAVAILABLE"));
    }

    [Test]
    public async Task A_graph_outage_is_a_warning_and_the_pick_still_stands()
    {
        _graph.PersistentFault = FakeFault.Unavailable();
        await using var api = Api();
        var body = await RouteAsync(api);

        Assert.That(body.GetProperty("rsm").GetProperty("email").GetString(), Is.EqualTo(West));
        var warning = body.GetProperty("warnings").EnumerateArray().Single(w => w.GetProperty("code").GetString() == "CALENDAR_UNAVAILABLE");
        Assert.That(warning.GetProperty("message").GetString(), Does.Contain("the pick stands"));
        Assert.That(body.GetProperty("slots").GetArrayLength(), Is.Zero);
        Assert.That(body.GetProperty("liveNow").GetArrayLength(), Is.Zero);
    }

    private WebApplicationFactory<Program> Api() =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Handoff", $"Data Source={Path.Combine(Path.GetTempPath(), $"handoff-graph-{Guid.NewGuid():N}.db")}");
            b.UseSetting("Graph:BaseUrl", _server.BaseUrl);
            b.UseSetting("Graph:AccessToken", Token);
        });

    private static async Task<JsonElement> RouteAsync(WebApplicationFactory<Program> api)
    {
        using var client = api.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/leads/route", new
        {
            email = "cfo@valleyscrap.example", place = "Valley Scrap Metals, 1200 Richards Blvd, Sacramento, CA 95811", vertical = "metals-recycling",
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
