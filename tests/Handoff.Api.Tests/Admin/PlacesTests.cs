using System.Net;
using Handoff.Api.Tests.Support;
using Handoff.Scheduling.Places;
using Handoff.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Handoff.Api.Tests.Admin;

/// <summary>Once a gazetteer (IPlaceResolver) is registered, text-only places resolve with no other change.</summary>
public sealed class PlacesTests
{
    private sealed class Gazetteer : IPlaceResolver
    {
        public LocationMatch Resolve(string? location) => location?.Contains("93706", StringComparison.Ordinal) == true
            ? new LocationMatch(LocationKind.Place, location, new Place("Fresno, CA 93706", new GeoPoint(36.7378, -119.7871), "America/Los_Angeles", "US", "US-CA", "93706", "Fresno"))
            : new LocationMatch(LocationKind.Unknown, location);
    }

    [Test]
    public async Task Text_alone_is_placed_by_the_registered_gazetteer_and_unplaceable_text_is_400()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new HandoffApp(db, services: s => s.AddSingleton<IPlaceResolver, Gazetteer>());
        var client = app.CreateClient();

        var rsm = await (await client.PostJsonAsync("/api/v1/admin/rsms", new { email = "a@example.com", displayName = "A", homeBase = new { text = "Fresno, CA 93706" } }))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Multiple(() =>
        {
            Assert.That(rsm["homeBase"]!["latitude"]!.GetValue<double>(), Is.EqualTo(36.7378));
            Assert.That(rsm["homeBase"]!["timeZone"]!.GetValue<string>(), Is.EqualTo("America/Los_Angeles"));
            Assert.That(rsm["homeBase"]!["postalCode"]!.GetValue<string>(), Is.EqualTo("93706"));
            Assert.That(rsm["homeBase"]!["text"]!.GetValue<string>(), Is.EqualTo("Fresno, CA 93706"));
        });

        var errors = await (await client.PostJsonAsync("/api/v1/admin/rsms", new { email = "b@example.com", displayName = "B", homeBase = new { text = "Atlantis" } })).ErrorsAsync();
        Assert.That(errors["homeBase.text"][0], Does.Contain("Atlantis"));
    }

    [Test]
    public async Task If_match_star_matches_any_version_and_health_reports_the_store()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new HandoffApp(db);
        var client = app.CreateClient();
        var id = (await (await client.PostJsonAsync("/api/v1/admin/rsms", Samples.Rsm())).JsonAsync(HttpStatusCode.Created))["id"];
        await (await client.PutJsonAsync($"/api/v1/admin/rsms/{id}", Samples.Rsm(name: "X"), "*")).JsonAsync(HttpStatusCode.OK);
        Assert.That((await client.GetAsync("/healthz")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
