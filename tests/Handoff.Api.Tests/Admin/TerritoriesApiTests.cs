using System.Net;
using System.Text;
using Handoff.Api.Tests.Support;
using Handoff.Storage;

namespace Handoff.Api.Tests.Admin;

[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class TerritoriesApiTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string Url = "/api/v1/admin/territories";

    [Test]
    public async Task Create_get_replace_delete_round_trip()
    {
        var rsm = await CreateAsync("rsms", Samples.Rsm());
        var created = await CreateAsync("territories", Samples.Territory());
        var id = created["id"]!.GetValue<Guid>();
        var got = await (await Client.GetAsync($"{Url}/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(got["name"]!.GetValue<string>(), Is.EqualTo("Central Valley"));
            Assert.That(got["rules"]!["regions"]![0]!.GetValue<string>(), Is.EqualTo("US-NV"));
            Assert.That(got["rules"]!["postalPrefixes"]!.AsArray().Count, Is.EqualTo(2));
            Assert.That(got["rules"]!["radii"]![0]!["radiusKm"]!.GetValue<double>(), Is.EqualTo(80.5));
            Assert.That(got["rules"]!["radii"]![0]!["center"]!["text"]!.GetValue<string>(), Is.EqualTo("Fresno, CA"));
            Assert.That(got["assignments"]![0]!["rsmEmail"]!.GetValue<string>(), Is.EqualTo("jo.field@example.com"));
            Assert.That(got["assignments"]![0]!["rsmId"]!.GetValue<Guid>(), Is.EqualTo(rsm["id"]!.GetValue<Guid>()));
            Assert.That(got["defaultProspectTimeZone"]!.GetValue<string>(), Is.EqualTo("America/Los_Angeles"));
        });

        var put = await Client.PutJsonAsync($"{Url}/{id}", Samples.Territory("Valley", null, ["93"]), "\"1\"");
        var replaced = await put.JsonAsync(HttpStatusCode.OK);
        Assert.That(replaced["assignments"]!.AsArray(), Is.Empty);
        Assert.That(put.ETag(), Is.EqualTo("\"2\""));

        Assert.That((await Client.DeleteAsync($"{Url}/{id}", "\"2\"")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await (await Client.GetAsync($"{Url}/{id}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task A_duplicate_name_is_409_ignoring_case()
    {
        await CreateAsync("territories", Samples.Territory("West", null));
        await (await Client.PostJsonAsync(Url, Samples.Territory("WEST", null))).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task Assignments_must_name_existing_rsms()
    {
        var errors = await (await Client.PostJsonAsync(Url, Samples.Territory(rsmEmail: "ghost@example.com"))).ErrorsAsync();
        Assert.That(errors["assignments[0].rsmEmail"][0], Does.Contain("ghost@example.com"));
    }

    [Test]
    public async Task List_filters_by_rsm_email_or_id_and_pages()
    {
        var jo = await CreateAsync("rsms", Samples.Rsm());
        await CreateAsync("rsms", Samples.Rsm("kim@example.com", "Kim"));
        await CreateAsync("territories", Samples.Territory("A", "jo.field@example.com"));
        await CreateAsync("territories", Samples.Territory("B", "kim@example.com"));
        await CreateAsync("territories", Samples.Territory("C", "jo.field@example.com"));
        var byEmail = await (await Client.GetAsync($"{Url}?rsm=JO.FIELD@example.com")).JsonAsync(HttpStatusCode.OK);
        Assert.That(byEmail["items"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "A", "C" }));
        var byId = await (await Client.GetAsync($"{Url}?rsm={jo["id"]}&pageSize=1&page=2")).JsonAsync(HttpStatusCode.OK);
        Assert.That(byId["total"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(byId["items"]![0]!["name"]!.GetValue<string>(), Is.EqualTo("C"));
    }

    [Test]
    public async Task Csv_export_import_export_round_trips_exactly()
    {
        await CreateAsync("rsms", Samples.Rsm());
        await CreateAsync("rsms", Samples.Rsm("kim@example.com", "Kim"));
        await CreateAsync("territories", Samples.Territory("Central Valley"));
        await CreateAsync("territories", new
        {
            name = "Odd; names, \"quoted\"",
            rules = new { countries = new[] { "CA" }, radii = new[] { new { center = new { text = "Label; with \\ and , commas", latitude = -33.5, longitude = 151.25 }, radiusKm = 12 } } },
            assignments = new[] { new { rsmEmail = "kim@example.com", priority = 2 }, new { rsmEmail = "jo.field@example.com", priority = 5 } },
        });
        var first = await ExportCsvAsync();
        Assert.That(first, Does.StartWith("id,version,name,countries,regions,postalPrefixes,radii,assignments,verticals,defaultProspectTimeZone,mode,period,creditBack\r\n"));

        var import = await Client.PostAsync($"{Url}/import", new StringContent(first, Encoding.UTF8, "text/csv"));
        var result = await import.JsonAsync(HttpStatusCode.OK);
        Assert.That(result["unchanged"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(await ExportCsvAsync(), Is.EqualTo(first));

        // Into an empty store: created with the same ids, and the export is the same bytes.
        await EmptyStoreAsync();
        await CreateAsync("rsms", Samples.Rsm());
        await CreateAsync("rsms", Samples.Rsm("kim@example.com", "Kim"));
        var again = await (await Client.PostAsync($"{Url}/import", new StringContent(first, Encoding.UTF8, "text/csv"))).JsonAsync(HttpStatusCode.OK);
        Assert.That(again["created"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(await ExportCsvAsync(), Is.EqualTo(first));
    }

    [Test]
    public async Task Csv_import_updates_by_name_checks_versions_and_replace_mode_deletes()
    {
        await CreateAsync("rsms", Samples.Rsm());
        await CreateAsync("territories", Samples.Territory("North", null));
        await CreateAsync("territories", Samples.Territory("South", null));
        const string header = "name,regions,postalPrefixes,assignments\r\n";
        var csv = header + "north,US-OR;US-WA,,jo.field@example.com:1\r\nEast,US-NY,100;101,\r\n";
        var result = await (await Client.PostAsync($"{Url}/import", new StringContent(csv, Encoding.UTF8, "text/csv"))).JsonAsync(HttpStatusCode.OK);
        Assert.That((result["created"]!.GetValue<int>(), result["updated"]!.GetValue<int>()), Is.EqualTo((1, 1)));
        var north = (await (await Client.GetAsync($"{Url}?q=north")).JsonAsync(HttpStatusCode.OK))["items"]![0]!;
        Assert.That(north["rules"]!["regions"]!.AsArray().Count, Is.EqualTo(2));
        Assert.That(north["version"]!.GetValue<int>(), Is.EqualTo(2));

        var stale = "id,version,name,regions\r\n" + $"{north["id"]},1,North,US-ID\r\n";
        await (await Client.PostAsync($"{Url}/import", new StringContent(stale, Encoding.UTF8, "text/csv"))).ProblemAsync(HttpStatusCode.PreconditionFailed);

        var replaced = await (await Client.PostAsync($"{Url}/import?mode=replace", new StringContent(header + "North,US-OR,,\r\n", Encoding.UTF8, "text/csv"))).JsonAsync(HttpStatusCode.OK);
        Assert.That(replaced["deleted"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That((await (await Client.GetAsync(Url)).JsonAsync(HttpStatusCode.OK))["total"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task Csv_import_errors_name_the_row_field_and_line_and_write_nothing()
    {
        var csv = "name,regions,radii,assignments\r\nGood,US-CA,,\r\nBad,US-ZZ,1;2,ghost@example.com:x\r\n";
        var errors = await (await Client.PostAsync($"{Url}/import", new StringContent(csv, Encoding.UTF8, "text/csv"))).ErrorsAsync();
        Assert.That(errors.Keys, Is.SupersetOf(new[] { "territories[1].rules.radii[0]", "territories[1].assignments[0]" }));
        Assert.That(errors["territories[1].rules.radii[0]"][0], Does.StartWith("CSV line 3:"));
        Assert.That((await (await Client.GetAsync(Url)).JsonAsync(HttpStatusCode.OK))["total"]!.GetValue<int>(), Is.Zero);
    }

    [Test]
    public async Task Json_export_imports_back_unchanged()
    {
        await CreateAsync("rsms", Samples.Rsm());
        await CreateAsync("territories", Samples.Territory());
        var json = await (await Client.GetAsync($"{Url}/export?format=json")).Content.ReadAsStringAsync();
        var result = await (await Client.PostAsync($"{Url}/import", new StringContent(json, Encoding.UTF8, "application/json"))).JsonAsync(HttpStatusCode.OK);
        Assert.That(result["unchanged"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(await (await Client.GetAsync($"{Url}/export?format=json")).Content.ReadAsStringAsync(), Is.EqualTo(json));
    }

    [Test]
    public async Task Json_import_names_a_bad_zone_in_a_radius_centre_and_stores_good_zones_as_read()
    {
        await CreateAsync("rsms", Samples.Rsm());
        const string body = """
            [{"name":"A","rules":{"regions":["US-CA"]},"defaultProspectTimeZone":"Pacific Standard Time"},
             {"name":"B","rules":{"radii":[{"center":{"latitude":1,"longitude":2,"timeZone":"Nowhere/Land"},"radiusKm":5}]}}]
            """;
        var errors = await (await Client.PostAsync($"{Url}/import", new StringContent(body, Encoding.UTF8, "application/json"))).ErrorsAsync();
        Assert.That(errors, Is.EqualTo(new Dictionary<string, string[]>
        {
            ["territories[1].rules.radii[0].center.timeZone"] = ["'Nowhere/Land' is not a known IANA or Windows time zone id."],
        }));
        Assert.That((await (await Client.GetAsync(Url)).JsonAsync(HttpStatusCode.OK))["total"]!.GetValue<int>(), Is.Zero, "nothing was written");

        var fixedBody = body.Replace("Nowhere/Land", "Mountain Standard Time");
        await (await Client.PostAsync($"{Url}/import", new StringContent(fixedBody, Encoding.UTF8, "application/json"))).JsonAsync(HttpStatusCode.OK);
        var items = (await (await Client.GetAsync($"{Url}?q=")).JsonAsync(HttpStatusCode.OK))["items"]!.AsArray();
        Assert.That(items.Single(t => t!["name"]!.GetValue<string>() == "A")!["defaultProspectTimeZone"]!.GetValue<string>(), Is.EqualTo("America/Los_Angeles"));
        Assert.That(items.Single(t => t!["name"]!.GetValue<string>() == "B")!["rules"]!["radii"]![0]!["center"]!["timeZone"]!.GetValue<string>(), Is.EqualTo("America/Denver"));
    }

    private async Task<string> ExportCsvAsync()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"{Url}/export");
        request.Headers.Accept.ParseAdd("text/csv");
        var response = await Client.SendAsync(request);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        return await response.Content.ReadAsStringAsync();
    }
}
