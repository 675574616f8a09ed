using System.Net;
using System.Net.Sockets;
using System.Text;
using Handoff.Api.Infrastructure;
using Handoff.Api.Tests.Support;
using Handoff.Storage;
using Microsoft.EntityFrameworkCore;

namespace Handoff.Api.Tests.Hardening;

/// <summary>Every bad input a clear, small 400; the server's own 4xx as problem+json; exports safe to open.</summary>
public sealed class BadInputTests() : ApiTest(DatabaseProvider.Sqlite)
{
    private const string Territories = "/api/v1/admin/territories";

    [Test]
    public async Task Three_hundred_thousand_bad_attendees_answer_a_small_400()
    {
        var attendees = string.Join(",", Enumerable.Repeat("\"x\"", 300_000));
        var body = $"{{\"start\":\"2026-12-03T15:00:00Z\",\"end\":\"2026-12-03T16:00:00Z\",\"organizerTimeZone\":\"UTC\",\"attendees\":[{attendees}]}}";
        Assert.That(body.Length, Is.GreaterThan(1_000_000));
        var response = await Client.PostAsync("/api/v1/meetings/check", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(text.Length, Is.LessThan(2 * 1024), "one error for the whole list, not 17 MB");
            Assert.That(text, Does.Contain("At most 50 attendees"));
        });
    }

    [Test]
    public async Task Twenty_thousand_bad_postal_prefixes_are_listed_ten_and_counted()
    {
        var prefixes = string.Join(",", Enumerable.Range(0, 20_000).Select(i => $"\"bad-{i}!\""));
        var body = $"{{\"name\":\"Too many\",\"rules\":{{\"postalPrefixes\":[{prefixes}]}}}}";
        var response = await Client.PostAsync(Territories, new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        var errors = await response.ErrorsAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(text.Length, Is.LessThan(8 * 1024), "the answer is bounded");
            Assert.That(errors.Keys.Count(k => k.StartsWith("rules.postalPrefixes[", StringComparison.Ordinal)), Is.EqualTo(BoundedErrors.PerField));
            Assert.That(string.Join(" ", errors["rules.postalPrefixes"]), Does.Contain("19,990 more errors in 'rules.postalPrefixes'"));
        });
    }

    [Test]
    public async Task A_long_bad_value_is_quoted_cut_short()
    {
        var response = await Client.PostJsonAsync("/api/v1/meetings/check", new
        {
            start = "2026-12-03T15:00:00Z", end = "2026-12-03T16:00:00Z", organizerTimeZone = new string('z', 100_000), attendees = Array.Empty<string>(),
        });
        var errors = await response.ErrorsAsync();
        Assert.That(errors["organizerTimeZone"][0], Has.Length.LessThanOrEqualTo(BoundedErrors.MessageLength).And.EndWith("…"));
    }

    [TestCase("assignments", "[null]", "assignments[0]")]
    [TestCase("radii", "[null]", "rules.radii[0]")]
    public async Task Null_list_elements_are_400s_naming_them(string field, string value, string key)
    {
        await CreateAsync("rsms", Samples.Rsm());
        var json = field == "assignments"
            ? $"{{\"name\":\"T\",\"rules\":{{\"postalPrefixes\":[\"937\"]}},\"assignments\":{value}}}"
            : $"{{\"name\":\"T\",\"rules\":{{\"radii\":{value}}}}}";
        var response = await Client.PostAsync(Territories, new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.ErrorsAsync()).Keys, Does.Contain(key));
    }

    [Test]
    public async Task Csv_export_neutralises_formulas_and_round_trips_exactly()
    {
        await CreateAsync("rsms", Samples.Rsm());
        string[] names = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "'quoted already", "'=both"];
        foreach (var name in names)
        {
            await CreateAsync("territories", Samples.Territory(name, prefixes: [$"9{Array.IndexOf(names, name)}"]));
        }
        var export = await ExportCsvAsync();
        var cells = export.Split("\r\n").Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[2].Trim('"')).ToArray();
        Assert.That(cells, Has.All.Matches<string>(c => !"=+-@".Contains(c[0])), "no name cell starts a formula");
        Assert.That(export, Does.Contain(",\"'=HYPERLINK(").And.Contain(",'+cmd|").And.Contain(",'-2+3,").And.Contain(",''quoted already,").And.Contain(",''=both,"));

        await EmptyStoreAsync();
        await CreateAsync("rsms", Samples.Rsm());
        var imported = await Client.PostAsync($"{Territories}/import", new StringContent(export, Encoding.UTF8, "text/csv"));
        Assert.That(imported.StatusCode, Is.EqualTo(HttpStatusCode.OK), await imported.Content.ReadAsStringAsync());
        var list = await (await Client.GetAsync($"{Territories}?pageSize=50")).JsonAsync(HttpStatusCode.OK);
        Assert.That(list["items"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()), Is.EquivalentTo(names));
        Assert.That(await ExportCsvAsync(), Is.EqualTo(export));
    }

    [Test]
    public async Task A_hand_written_leading_apostrophe_is_kept()
    {
        await CreateAsync("rsms", Samples.Rsm());
        const string csv = "name,postalPrefixes\r\n'Bama,350\r\n";
        var imported = await Client.PostAsync($"{Territories}/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.That(imported.StatusCode, Is.EqualTo(HttpStatusCode.OK), await imported.Content.ReadAsStringAsync());
        var list = await (await Client.GetAsync(Territories)).JsonAsync(HttpStatusCode.OK);
        Assert.That(list["items"]![0]!["name"]!.GetValue<string>(), Is.EqualTo("'Bama"));
    }

    [Test]
    public async Task An_overlong_url_is_a_414_problem()
    {
        var response = await Client.GetAsync("/api/v1/territories/owner?location=" + new string('9', RequestLimits.MaxUrl));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestUriTooLong));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task Overlarge_headers_are_a_431_problem()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Add("X-Padding", new string('p', RequestLimits.MaxHeaders + 1));
        var response = await Client.SendAsync(request);
        Assert.That((int)response.StatusCode, Is.EqualTo(431));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public void A_lost_database_is_store_unavailable_but_a_constraint_is_not()
    {
        Assert.Multiple(() =>
        {
            Assert.That(StoreUnavailable.Is(new InvalidOperationException("transient", new SocketException((int)SocketError.ConnectionRefused))), Is.True);
            Assert.That(StoreUnavailable.Is(new DbUpdateException("unique", new InvalidOperationException("duplicate key"))), Is.False);
        });
    }

    private async Task<string> ExportCsvAsync()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"{Territories}/export");
        request.Headers.Accept.ParseAdd("text/csv");
        return await (await Client.SendAsync(request)).Content.ReadAsStringAsync();
    }
}
