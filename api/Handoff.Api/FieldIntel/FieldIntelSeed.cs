using Handoff.Api.Admin.Common;
using Handoff.Api.Admin.FieldPlans;
using Handoff.Api.Demo;
using Handoff.Api.FieldIntel.Profiles;
using Handoff.Api.FieldIntel.Reports;
using Handoff.Storage;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Handoff.Api.FieldIntel;

/// <summary>
/// The demo's field intel, relative to today so it never goes stale: trips Dana Ruiz reported from Fresno to
/// Sacramento (mornings, one stuck behind an accident, two in the evening rush), Marcus Bell's Chicago → Milwaukee
/// drives, a Chicago region profile and a San Joaquin Valley one, and field plans for the past eight weeks that the
/// demo calendars (a fixed weekly pattern) bear out or not. Runs once, on a store with the demo org and no field intel.
/// </summary>
public static class FieldIntelSeed
{
    private static readonly Actor Seeder = new("demo seed", null);

    private static readonly PlaceData Fresno = new("Fresno, CA 93706", 36.7378, -119.7871, "America/Los_Angeles", "US", "US-CA", "93706", "Fresno");
    private static readonly PlaceData Sacramento = new("Valley Scrap Metals, Sacramento, CA 95811", 38.5816, -121.4944, "America/Los_Angeles", "US", "US-CA", "95811", "Sacramento");
    private static readonly PlaceData Chicago = new("Chicago, IL 60607", 41.8756, -87.6515, "America/Chicago", "US", "US-IL", "60607", "Chicago");
    private static readonly PlaceData Milwaukee = new("Milwaukee, WI 53202", 43.0389, -87.9065, "America/Chicago", "US", "US-WI", "53202", "Milwaukee");

    /// <summary>(weeks ago, weekday, departs local, minutes, note).</summary>
    private static readonly (int Weeks, IsoDayOfWeek Day, LocalTime Departs, int Minutes, string? Note)[] DanaTrips =
    [
        (1, IsoDayOfWeek.Monday, new(8, 40), 168, null),
        (2, IsoDayOfWeek.Monday, new(9, 10), 174, "traffic at Stockton"),
        (3, IsoDayOfWeek.Monday, new(8, 55), 165, null),
        (4, IsoDayOfWeek.Monday, new(9, 30), 171, null),
        (5, IsoDayOfWeek.Monday, new(10, 5), 310, "accident on 99, sat for two hours"),
        (6, IsoDayOfWeek.Monday, new(9, 0), 176, null),
        (7, IsoDayOfWeek.Monday, new(8, 20), 169, null),
        (3, IsoDayOfWeek.Thursday, new(17, 30), 225, "evening rush out of Fresno"),
        (5, IsoDayOfWeek.Thursday, new(17, 10), 215, null),
    ];

    private static readonly (int Weeks, IsoDayOfWeek Day, LocalTime Departs, int Minutes, string? Note)[] MarcusTrips =
    [
        (1, IsoDayOfWeek.Monday, new(11, 0), 112, null),
        (2, IsoDayOfWeek.Monday, new(11, 15), 120, "construction on I-94"),
        (4, IsoDayOfWeek.Monday, new(10, 45), 105, null),
        (6, IsoDayOfWeek.Monday, new(11, 5), 118, null),
    ];

    /// <summary>(RSM, weekday, place, confidence, note): repeated on alternate past weeks; the demo calendars decide which came true.</summary>
    private static readonly (string Rsm, IsoDayOfWeek Day, PlaceData Place, int Confidence, string Note)[] PastPlans =
    [
        (DemoOrg.West.Email, IsoDayOfWeek.Monday, Sacramento, 90, "Valley Scrap Metals review"),
        (DemoOrg.West.Email, IsoDayOfWeek.Wednesday, new("Bakersfield, CA 93301", 35.3733, -119.0187, "America/Los_Angeles", "US", "US-CA", "93301", "Bakersfield"), 70, "Regional office"),
        (DemoOrg.West.Email, IsoDayOfWeek.Tuesday, new("Los Angeles, CA 90021", 34.0294, -118.2386, "America/Los_Angeles", "US", "US-CA", "90021", "Los Angeles"), 60, "Scrap yards tour"),
        (DemoOrg.Central.Email, IsoDayOfWeek.Monday, Milwaukee, 80, "Dairy plant"),
        (DemoOrg.Central.Email, IsoDayOfWeek.Thursday, new("Detroit, MI 48226", 42.3314, -83.0458, "America/Detroit", "US", "US-MI", "48226", "Detroit"), 50, "Trade association lunch"),
        (DemoOrg.East.Email, IsoDayOfWeek.Monday, new("Philadelphia, PA 19103", 39.9526, -75.1652, "America/New_York", "US", "US-PA", "19103", "Philadelphia"), 80, "Packaging co-op"),
        (DemoOrg.East.Email, IsoDayOfWeek.Tuesday, new("Boston, MA 02110", 42.3601, -71.0589, "America/New_York", "US", "US-MA", "02110", "Boston"), 70, "Prospect visits"),
        (DemoOrg.Mountain.Email, IsoDayOfWeek.Wednesday, new("Salt Lake City, UT 84101", 40.7608, -111.8910, "America/Denver", "US", "US-UT", "84101", "Salt Lake City"), 90, "Mine suppliers"),
        (DemoOrg.Mountain.Email, IsoDayOfWeek.Monday, new("Colorado Springs, CO 80903", 38.8339, -104.8214, "America/Denver", "US", "US-CO", "80903", "Colorado Springs"), 80, "Customer meeting"),
    ];

    public sealed record Seeded(int Reports, int Plans, int Profiles);

    public static async Task<Seeded?> SeedIfMissingAsync(HandoffDbContext db, AuditLog audit, CancellationToken ct)
    {
        var rsms = await db.Rsms.Where(r => DemoOrg.Rsms.Select(d => d.Email).Contains(r.Email)).ToDictionaryAsync(r => r.Email, ct);
        if (rsms.Count != DemoOrg.Rsms.Count || await db.FieldReports.AnyAsync(ct) || await db.TravelProfiles.AnyAsync(ct) ||
            await db.AuditEntries.AnyAsync(a => a.Resource == "field-report" || a.Resource == "travel-profile", ct))
        {
            return null;
        }
        var now = audit.Now;
        var thisMonday = now.InUtc().Date.DayOfWeek == IsoDayOfWeek.Monday ? now.InUtc().Date : now.InUtc().Date.Previous(IsoDayOfWeek.Monday);

        var reports = 0;
        foreach (var (rsm, trips, from, to) in new[] { (DemoOrg.West, DanaTrips, Fresno, Sacramento), (DemoOrg.Central, MarcusTrips, Chicago, Milwaukee) })
        {
            var zone = rsm.Zone!;
            foreach (var t in trips)
            {
                var departed = zone.AtLeniently(thisMonday.PlusWeeks(-t.Weeks).PlusDays((int)t.Day - 1) + t.Departs).ToInstant();
                var report = new FieldReportEntity
                {
                    Id = DemoIds.FieldReport(reports), RsmId = rsms[rsm.Email].Id, Rsm = rsms[rsm.Email], From = from, To = to, Departed = departed,
                    Arrived = departed + Duration.FromMinutes(t.Minutes), Note = t.Note, ReportedBy = rsm.DisplayName, CreatedAt = now,
                };
                db.FieldReports.Add(report);
                audit.Created(db, Seeder, "field-report", report.Id, FieldReportResponse.Of(report), "seed");
                reports++;
            }
        }

        var plans = 0;
        for (var weeks = 1; weeks <= 8; weeks++)
        {
            for (var i = 0; i < PastPlans.Length; i++)
            {
                if ((weeks + i) % 2 == 1)
                {
                    continue; // every other week per plan, so the history is not a wall of identical rows
                }
                var p = PastPlans[i];
                var day = thisMonday.PlusWeeks(-weeks).PlusDays((int)p.Day - 1);
                var plan = new FieldPlanEntity
                {
                    Id = Guid.NewGuid(), RsmId = rsms[p.Rsm].Id, Rsm = rsms[p.Rsm], From = day, To = day, Place = p.Place, Confidence = p.Confidence,
                    Note = p.Note, Version = 1, CreatedAt = now, UpdatedAt = now,
                };
                db.FieldPlans.Add(plan);
                audit.Created(db, Seeder, "field-plan", plan.Id, FieldPlanResponse.Of(plan), "seed");
                plans++;
            }
        }

        var profiles = new[]
        {
            new TravelProfileEntity
            {
                Id = DemoIds.TravelProfile(0), Scope = "region", ScopeKey = "US-IL", AverageSpeedKmh = 45, LobbyWaitMinutes = 20,
                Note = "Chicago traffic; front desks sign visitors in", Version = 1, CreatedAt = now, UpdatedAt = now,
            },
        }.ToList();
        if (await db.Territories.FirstOrDefaultAsync(t => t.NameKey == "san joaquin valley", ct) is { } valley)
        {
            profiles.Add(new TravelProfileEntity
            {
                Id = DemoIds.TravelProfile(1), Scope = "territory", ScopeKey = valley.Id.ToString().ToUpperInvariant(), TerritoryId = valley.Id, Territory = valley,
                LobbyWaitMinutes = 10, Note = "Plants sign visitors in at the gate", Version = 1, CreatedAt = now, UpdatedAt = now,
            });
        }
        foreach (var profile in profiles)
        {
            db.TravelProfiles.Add(profile);
            audit.Created(db, Seeder, "travel-profile", profile.Id, TravelProfileResponse.Of(profile), "seed");
        }
        await db.SaveChangesAsync(ct);
        return new Seeded(reports, plans, profiles.Count);
    }
}
