using System.Net;
using Handoff.Api.Storage;
using Handoff.Api.Tests.Support;
using Handoff.Scheduling.Org;
using Handoff.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Handoff.Api.Tests.Storage;

/// <summary>Migrations, the demo seed, and the in-memory directory the check reads, on each provider.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class StoreTests(DatabaseProvider provider)
{
    [Test]
    public async Task Migrations_create_the_schema_on_an_empty_database_and_match_the_model()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.OpenContext();
        Assert.That(await db.Database.GetPendingMigrationsAsync(), Is.Not.Empty);
        await db.Database.MigrateAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(await db.Database.GetPendingMigrationsAsync(), Is.Empty);
            Assert.That(db.Database.HasPendingModelChanges(), Is.False, "the model changed: run tools/add-migration.sh");
            Assert.That(await db.Rsms.CountAsync(), Is.Zero);
            Assert.That(await db.AuditEntries.CountAsync(), Is.Zero);
        });
        await db.Database.MigrateAsync(); // idempotent
    }

    [Test]
    public async Task Demo_mode_seeds_the_demo_org_once_and_a_restart_does_not_seed_again()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var seeded = new Dictionary<string, string?> { ["Demo:Seed"] = null };
        await using (var app = new HandoffApp(database, seeded))
        {
            var client = app.CreateClient();
            var rsms = await (await client.GetAsync("/api/v1/admin/rsms")).JsonAsync(HttpStatusCode.OK);
            Assert.That(rsms["total"]!.GetValue<int>(), Is.EqualTo(4));
            var territories = await (await client.GetAsync("/api/v1/admin/territories")).JsonAsync(HttpStatusCode.OK);
            Assert.That(territories["total"]!.GetValue<int>(), Is.EqualTo(Handoff.Api.Demo.DemoOrg.Territories.Count), "4 state territories, a ZIP-prefix and a radius one");
            var plans = await (await client.GetAsync("/api/v1/admin/field-plans")).JsonAsync(HttpStatusCode.OK);
            Assert.That(plans["total"]!.GetValue<int>(), Is.EqualTo(2 + 36), "two coming plans, and 36 past ones for the accuracy report");
            var snapshot = await app.Services.GetRequiredService<IOrgDirectory>().GetSnapshotAsync(CancellationToken.None);
            Assert.That(snapshot.FindRsm("RSM.WEST@example.com")?.DisplayName, Is.EqualTo("Dana Ruiz"));
            Assert.That(snapshot.IsInternal("someone@example.com", null), Is.True);

            var west = rsms["items"]!.AsArray().Single(r => r!["email"]!.GetValue<string>() == "rsm.west@example.com")!;
            await (await client.DeleteAsync($"/api/v1/admin/territories/{territories["items"]![3]!["id"]}", "\"1\"")).Content.ReadAsStringAsync();
            Assert.That(west["workingHours"]!["monday"]!["start"]!.GetValue<string>(), Is.EqualTo("08:00"));
        }
        await using (var again = new HandoffApp(database, seeded))
        {
            var territories = await (await again.CreateClient().GetAsync("/api/v1/admin/territories")).JsonAsync(HttpStatusCode.OK);
            Assert.That(territories["total"]!.GetValue<int>(), Is.EqualTo(Handoff.Api.Demo.DemoOrg.Territories.Count - 1), "the deleted territory stays deleted");
        }
    }

    [Test]
    public async Task The_check_uses_an_rsm_created_through_the_api_at_once()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new HandoffApp(database);
        var client = app.CreateClient();
        await (await client.PostJsonAsync("/api/v1/admin/rsms", Samples.Rsm())).JsonAsync(HttpStatusCode.Created);
        await (await client.PostJsonAsync("/api/v1/admin/territories", Samples.Territory())).JsonAsync(HttpStatusCode.Created);

        var check = await (await client.PostJsonAsync("/api/v1/meetings/check", new
        {
            start = "2026-12-03T17:00:00Z",
            end = "2026-12-03T18:00:00Z",
            organizerTimeZone = "America/New_York",
            organizerEmail = "sdr@example.com",
            attendees = new[] { "Jo.Field@example.com", "buyer@acme-metals.com" },
        })).JsonAsync(HttpStatusCode.OK);
        Assert.That(check["rsms"]![0]!["email"]!.GetValue<string>(), Is.EqualTo("jo.field@example.com"));
        Assert.That(check["rsms"]![0]!["timeZone"]!.GetValue<string>(), Is.EqualTo("America/Los_Angeles"));
        var rsmTime = check["times"]!.AsArray().Single(t => t!["party"]!.GetValue<string>() == "rsm")!;
        Assert.That(rsmTime["localStart"]!.GetValue<string>(), Is.EqualTo("2026-12-03T09:00:00"));
        var codes = check["warnings"]!.AsArray().Select(w => w!["code"]!.GetValue<string>());
        Assert.That(codes, Has.None.EqualTo("RSM_CALENDAR_UNAVAILABLE"), "the demo calendar covers RSMs added through the API");

        var snapshot = await app.Services.GetRequiredService<IOrgDirectory>().GetSnapshotAsync(CancellationToken.None);
        var territory = snapshot.Territories.Single();
        Assert.That(territory.Assignments.Single().RsmEmail, Is.EqualTo("jo.field@example.com"));
        Assert.That(territory.Rules.PostalPrefixes, Is.EqualTo(new[] { "936", "937" }));
        Assert.That(territory.DefaultProspectZone?.Id, Is.EqualTo("America/Los_Angeles"));
    }

    [Test]
    public async Task Another_instance_sees_a_change_after_its_periodic_refresh()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var fast = new Dictionary<string, string?> { ["Org:RefreshInterval"] = "00:00:00.200" };
        await using var a = new HandoffApp(database, fast);
        await using var b = new HandoffApp(database, fast);
        var clientA = a.CreateClient();
        b.CreateClient();
        var directoryB = b.Services.GetRequiredService<IOrgDirectory>();
        Assert.That((await directoryB.GetSnapshotAsync(CancellationToken.None)).Rsms, Is.Empty);

        await (await clientA.PostJsonAsync("/api/v1/admin/rsms", Samples.Rsm())).JsonAsync(HttpStatusCode.Created);
        // Convergence, not speed: wait up to 20 s for B's timer to pick the change up.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await directoryB.GetSnapshotAsync(CancellationToken.None)).FindRsm("jo.field@example.com") is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        Assert.That((await directoryB.GetSnapshotAsync(CancellationToken.None)).FindRsm("jo.field@example.com"), Is.Not.Null);
        Assert.That(b.Services.GetRequiredService<StoreOrgDirectory>(), Is.SameAs(directoryB));
    }
}
