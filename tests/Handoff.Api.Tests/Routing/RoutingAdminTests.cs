using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Handoff.Api.Tests.Support;
using Handoff.Storage;

namespace Handoff.Api.Tests.Routing;

/// <summary>Assignment modes, weights, period and credit-back through the admin API, its CSV/JSON import/export and audit.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class RoutingAdminTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string Url = "/api/v1/admin/territories";

    private static object Territory(string name, object routing, params (string Email, int Priority, double Weight)[] pool) => new
    {
        name,
        rules = new { postalPrefixes = new[] { "937" } },
        assignments = pool.Select(p => new { rsmEmail = p.Email, priority = p.Priority, weight = p.Weight }).ToArray(),
        routing,
    };

    private async Task TwoRsmsAsync()
    {
        await CreateAsync("rsms", Samples.Rsm());
        await CreateAsync("rsms", Samples.Rsm("kim@example.com", "Kim"));
    }

    [Test]
    public async Task Modes_weights_period_and_credit_back_are_stored_and_audited()
    {
        await TwoRsmsAsync();
        var created = await CreateAsync("territories", Territory("Central Valley", new { mode = "roundRobin", period = "week", creditBack = false },
            ("jo.field@example.com", 1, 2), ("kim@example.com", 2, 1)));
        var id = created["id"]!.GetValue<Guid>();
        Assert.Multiple(() =>
        {
            Assert.That(created["routing"]!.ToJsonString(), Is.EqualTo("""{"mode":"roundRobin","period":"week","creditBack":false}"""));
            Assert.That(created["assignments"]![0]!["weight"]!.GetValue<double>(), Is.EqualTo(2));
            Assert.That(created["assignments"]![0]!["addedAt"]!.GetValue<string>(), Is.EqualTo("2026-11-25T15:00:00Z").Or.Not.Empty);
        });
        var addedAt = created["assignments"]![1]!["addedAt"]!.GetValue<string>();

        // Replacing with the defaults left out: priority, month, credit-back on; Kim keeps the time Kim joined.
        App.Clock.Advance(NodaTime.Duration.FromDays(3));
        var replaced = await (await Client.PutJsonAsync($"{Url}/{id}", new
        {
            name = "Central Valley", rules = new { postalPrefixes = new[] { "937" } },
            assignments = new[] { new { rsmEmail = "kim@example.com", priority = 1 } },
        }, "\"1\"")).JsonAsync(HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(replaced["routing"]!.ToJsonString(), Is.EqualTo("""{"mode":"priority","period":"month","creditBack":true}"""));
            Assert.That(replaced["assignments"]![0]!["weight"]!.GetValue<double>(), Is.EqualTo(1));
            Assert.That(replaced["assignments"]![0]!["addedAt"]!.GetValue<string>(), Is.EqualTo(addedAt));
        });

        var audit = await (await Client.GetAsync($"/api/v1/admin/audit?resource=territory&resourceId={id}")).JsonAsync(HttpStatusCode.OK);
        var changes = audit["items"]!.AsArray().Select(e => e!["changes"]!.ToJsonString()).ToArray();
        Assert.That(changes.Any(c => c.Contains("roundRobin", StringComparison.Ordinal) && c.Contains("priority", StringComparison.Ordinal)), Is.True, string.Join("\n", changes));
    }

    [TestCase("""{"mode":"fastest"}""", "routing.mode", "'mode' must be one of")]
    [TestCase("""{"period":"fortnight"}""", "routing.period", "'period' must be one of")]
    public async Task Bad_routing_values_are_400_naming_the_field(string routing, string field, string message)
    {
        await TwoRsmsAsync();
        var body = JsonNode.Parse("""{"name":"V","rules":{"postalPrefixes":["937"]},"assignments":[{"rsmEmail":"kim@example.com"}]}""")!;
        body["routing"] = JsonNode.Parse(routing);
        var response = await Client.PostAsync(Url, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        var errors = await response.ErrorsAsync();
        Assert.That(errors[field][0], Does.StartWith(message));
    }

    [TestCase(0.0, "'weight' must be more than 0")]
    [TestCase(-1.0, "'weight' must be more than 0")]
    [TestCase(101.0, "'weight' must be at most 100")]
    public async Task Weights_must_be_more_than_zero_and_sensible(double weight, string message)
    {
        await TwoRsmsAsync();
        var errors = await (await Client.PostJsonAsync(Url, Territory("V", new { mode = "roundRobin" }, ("kim@example.com", 1, weight)))).ErrorsAsync();
        Assert.That(errors["assignments[0].weight"][0], Does.StartWith(message));
    }

    [Test]
    public async Task Csv_and_json_exports_carry_the_routing_settings_and_import_back()
    {
        await TwoRsmsAsync();
        await CreateAsync("territories", Territory("Central Valley", new { mode = "performance", period = "quarter", creditBack = false },
            ("jo.field@example.com", 1, 2.5), ("kim@example.com", 2, 1)));
        var csv = await (await Client.GetAsync($"{Url}/export?format=csv")).Content.ReadAsStringAsync();
        var row = csv.Split("\r\n")[1];
        Assert.That(row, Does.EndWith(",jo.field@example.com:1:2.5;kim@example.com:2,,,performance,quarter,false"));

        var json = await (await Client.GetAsync($"{Url}/export?format=json")).Content.ReadAsStringAsync();
        await EmptyStoreAsync();
        await TwoRsmsAsync();
        await (await Client.PostAsync($"{Url}/import", new StringContent(json, Encoding.UTF8, "application/json"))).JsonAsync(HttpStatusCode.OK);
        Assert.That((await Client.GetAsync($"{Url}/export?format=csv")).Content.ReadAsStringAsync().Result.Split("\r\n")[1], Is.EqualTo(row));

        // A CSV row written by hand: weights, a mode and bad values named by line.
        const string header = "name,postalPrefixes,assignments,mode,period,creditBack\r\n";
        var ok = await (await Client.PostAsync($"{Url}/import", new StringContent(header + "North,970,kim@example.com:1:3,roundRobin,,\r\n", Encoding.UTF8, "text/csv"))).JsonAsync(HttpStatusCode.OK);
        Assert.That(ok["created"]!.GetValue<int>(), Is.EqualTo(1));
        var bad = await (await Client.PostAsync($"{Url}/import", new StringContent(
            header + "South,971,kim@example.com:1:x,roundRobin,,maybe\r\nEast,972,kim@example.com:1:0,sometimes,,\r\n", Encoding.UTF8, "text/csv"))).ErrorsAsync();
        Assert.Multiple(() =>
        {
            Assert.That(bad["territories[0].assignments[0]"][0], Does.Contain("CSV line 2"));
            Assert.That(bad["territories[0].routing.creditBack"][0], Does.Contain("'maybe' is not true or false"));
        });
        var invalid = await (await Client.PostAsync($"{Url}/import", new StringContent(header + "East,972,kim@example.com:1:0,sometimes,,\r\n", Encoding.UTF8, "text/csv"))).ErrorsAsync();
        Assert.Multiple(() =>
        {
            Assert.That(invalid.Keys, Does.Contain("territories[0].assignments[0].weight"));
            Assert.That(invalid.Keys, Does.Contain("territories[0].routing.mode"));
        });
    }
}
