using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Time;
using NodaTime;

namespace Handoff.Api.Bench;

/// <summary>
/// A synthetic org for load tests: RSMs bench.rsm01@example.com … spread over five US home bases and zones,
/// each owning one state's territory. Built once; the same count always gives the same org.
/// </summary>
public static class BenchOrg
{
    public const string Domain = "example.com";

    private static readonly (string City, string Region, string Postal, double Lat, double Lon, string Zone)[] Bases =
    [
        ("Fresno", "CA", "93706", 36.7378, -119.7871, "America/Los_Angeles"),
        ("Denver", "CO", "80202", 39.7525, -104.9995, "America/Denver"),
        ("Chicago", "IL", "60607", 41.8756, -87.6515, "America/Chicago"),
        ("New York", "NY", "10001", 40.7506, -73.9972, "America/New_York"),
        ("Phoenix", "AZ", "85004", 33.4510, -112.0686, "America/Phoenix"),
    ];

    private static readonly string[] Verticals = ["metals-recycling", "food-processing", "packaging", "mining"];

    public static string Email(int i) => $"bench.rsm{i:00}@{Domain}";

    /// <summary>The home base of RSM <paramref name="i"/> (1-based), as "City, ST 12345".</summary>
    public static Place HomeBase(int i)
    {
        var b = Bases[(i - 1) % Bases.Length];
        return new Place($"{b.City}, {b.Region} {b.Postal}", new GeoPoint(b.Lat, b.Lon), b.Zone, "US", b.Region, b.Postal, b.City);
    }

    public static RsmProfile Rsm(int i)
    {
        var home = HomeBase(i);
        return new RsmProfile(Email(i), $"Bench RSM {i:00}", TimeZoneIds.Resolve(home.ZoneId!), home,
            WorkingHours.Weekdays(new LocalTime(8, 0), new LocalTime(17, 0)), [Verticals[(i - 1) % Verticals.Length]], TravelProfile.Default);
    }

    public static OrgSnapshot Snapshot(int rsms)
    {
        var profiles = Enumerable.Range(1, rsms).Select(Rsm).ToArray();
        var territories = profiles.Select((r, n) => new Territory(
            new Guid(n + 1, 0xbe, 0xbe, new byte[8]), $"Bench {r.HomeBase!.Region} {n + 1:00}",
            new TerritoryRules(Regions: [$"US-{r.HomeBase.Region}"]), [new TerritoryAssignment(r.Email, n / Bases.Length + 1)],
            r.Verticals, r.Zone)).ToArray();
        return new OrgSnapshot(profiles, territories, [], [Domain]);
    }
}

/// <summary>The synthetic org, held in memory: what a check's directory lookup costs with any real store's snapshot.</summary>
internal sealed class BenchOrgDirectory(OrgSnapshot snapshot) : IOrgDirectory
{
    public ValueTask<OrgSnapshot> GetSnapshotAsync(CancellationToken cancellationToken) => ValueTask.FromResult(snapshot);
}
