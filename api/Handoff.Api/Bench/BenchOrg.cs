using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Time;
using NodaTime;

namespace Handoff.Api.Bench;

/// <summary>
/// A synthetic org for load tests: a Central Valley team of RSMs bench.rsm01@example.com … based in five towns around
/// Fresno, CA (within ~40 km, so an in-person meeting in Fresno is a short drive for each), all on Pacific Time, in one
/// territory covering California (bench.rsm01 owns it). Built once; the same count always gives the same org.
/// </summary>
public static class BenchOrg
{
    public const string Domain = "example.com";

    private static readonly (string City, string Postal, double Lat, double Lon)[] Bases =
    [
        ("Fresno", "93706", 36.7378, -119.7871),
        ("Clovis", "93612", 36.8252, -119.7029),
        ("Madera", "93637", 36.9613, -120.0607),
        ("Sanger", "93657", 36.7080, -119.5560),
        ("Selma", "93662", 36.5708, -119.6121),
    ];

    private static readonly string[] Verticals = ["metals-recycling", "food-processing", "packaging", "mining"];

    public static string Email(int i) => $"bench.rsm{i:00}@{Domain}";

    /// <summary>The home base of RSM <paramref name="i"/> (1-based), as "City, CA 12345".</summary>
    public static Place HomeBase(int i)
    {
        var b = Bases[(i - 1) % Bases.Length];
        return new Place($"{b.City}, CA {b.Postal}", new GeoPoint(b.Lat, b.Lon), "America/Los_Angeles", "US", "CA", b.Postal, b.City);
    }

    public static RsmProfile Rsm(int i) =>
        new(Email(i), $"Bench RSM {i:00}", TimeZoneIds.Resolve("America/Los_Angeles"), HomeBase(i),
            WorkingHours.Weekdays(new LocalTime(8, 0), new LocalTime(17, 0)), [Verticals[(i - 1) % Verticals.Length]], TravelProfile.Default);

    public static OrgSnapshot Snapshot(int rsms)
    {
        var profiles = Enumerable.Range(1, rsms).Select(Rsm).ToArray();
        var territory = new Territory(new Guid("be0c0000-0000-4000-8000-000000000001"), "Bench Central Valley",
            new TerritoryRules(Regions: ["US-CA"]), profiles.Select((r, n) => new TerritoryAssignment(r.Email, n + 1)).ToArray(),
            Verticals, TimeZoneIds.Resolve("America/Los_Angeles"));
        return new OrgSnapshot(profiles, [territory], [], [Domain]);
    }
}

/// <summary>The synthetic org, held in memory: what a check's directory lookup costs with any real store's snapshot.</summary>
internal sealed class BenchOrgDirectory(OrgSnapshot snapshot) : IOrgDirectory
{
    public ValueTask<OrgSnapshot> GetSnapshotAsync(CancellationToken cancellationToken) => ValueTask.FromResult(snapshot);
}
