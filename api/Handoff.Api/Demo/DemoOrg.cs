using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Time;
using NodaTime;

namespace Handoff.Api.Demo;

/// <summary>
/// The embedded demo org: four RSMs in four zones, their territories and a field plan, so a newcomer sees
/// real conflicts with no Azure and no Outlook. The org's own domain is example.com.
/// </summary>
public static class DemoOrg
{
    public const string Domain = "example.com";

    public static readonly RsmProfile West = new(
        "rsm.west@example.com", "Dana Ruiz", TimeZoneIds.Resolve("America/Los_Angeles"),
        new Place("Fresno, CA 93706", new GeoPoint(36.7378, -119.7871), "America/Los_Angeles", "US", "US-CA", "93706", "Fresno"),
        WorkingHours.Weekdays(new LocalTime(8, 0), new LocalTime(17, 0)),
        ["metals-recycling"],
        new TravelProfile(100, Duration.FromMinutes(15), Duration.FromMinutes(10), Duration.FromHours(4)));

    public static readonly RsmProfile Central = new(
        "rsm.central@example.com", "Marcus Bell", TimeZoneIds.Resolve("America/Chicago"),
        new Place("Chicago, IL 60607", new GeoPoint(41.8756, -87.6515), "America/Chicago", "US", "US-IL", "60607", "Chicago"),
        WorkingHours.Weekdays(new LocalTime(8, 0), new LocalTime(17, 0)),
        ["food-processing"],
        TravelProfile.Default);

    public static readonly RsmProfile East = new(
        "rsm.east@example.com", "Priya Shah", TimeZoneIds.Resolve("America/New_York"),
        new Place("New York, NY 10001", new GeoPoint(40.7506, -73.9972), "America/New_York", "US", "US-NY", "10001", "New York"),
        WorkingHours.Weekdays(new LocalTime(8, 30), new LocalTime(17, 30)),
        ["packaging"],
        new TravelProfile(45, Duration.FromMinutes(15), Duration.FromMinutes(15), Duration.FromHours(3)));

    public static readonly RsmProfile Mountain = new(
        "rsm.mountain@example.com", "Alex Kim", TimeZoneIds.Resolve("America/Denver"),
        new Place("Denver, CO 80202", new GeoPoint(39.7525, -104.9995), "America/Denver", "US", "US-CO", "80202", "Denver"),
        WorkingHours.Weekdays(new LocalTime(7, 30), new LocalTime(16, 30)),
        ["metals-recycling", "mining"],
        TravelProfile.Default);

    public static IReadOnlyList<RsmProfile> Rsms { get; } = [West, Central, East, Mountain];

    public static IReadOnlyList<Territory> Territories { get; } =
    [
        Territory("West", West, ["US-CA", "US-NV", "US-OR", "US-WA", "US-AZ", "US-HI", "US-AK"], "America/Los_Angeles"),
        Territory("Mountain", Mountain, ["US-CO", "US-UT", "US-NM", "US-ID", "US-MT", "US-WY"], "America/Denver"),
        Territory("Central", Central, ["US-IL", "US-WI", "US-IN", "US-MI", "US-MN", "US-MO", "US-IA", "US-TX", "US-OH"], "America/Chicago"),
        Territory("East", East, ["US-NY", "US-NJ", "US-PA", "US-MA", "US-CT", "US-RI", "US-VT", "US-NH", "US-ME", "US-MD", "US-DE", "US-VA", "US-DC"], "America/New_York"),
        // More specific rules win over states: ZIP prefixes for the San Joaquin Valley (Dana's home ground, with Alex
        // Kim as the second metals-recycling specialist), a radius around Las Vegas that Alex covers from Denver.
        new(DeterministicId("San Joaquin Valley"), "San Joaquin Valley", new TerritoryRules(PostalPrefixes: ["932", "933", "936", "937", "952", "953"]),
            [new TerritoryAssignment(West.Email, 1), new TerritoryAssignment(Mountain.Email, 2)], ["metals-recycling"], TimeZoneIds.Resolve("America/Los_Angeles")),
        new(DeterministicId("Las Vegas metro"), "Las Vegas metro", new TerritoryRules(Radii: [new RadiusRule(new GeoPoint(36.1699, -115.1398), 120)]),
            [new TerritoryAssignment(Mountain.Email, 1)], Mountain.Verticals, TimeZoneIds.Resolve("America/Los_Angeles")),
    ];

    /// <summary>
    /// Field plans relative to the current week, so the demo always has one coming up. Dana's Sacramento trade show
    /// is in the week after next: the README's "next Thursday" examples (her Fresno plant visit) never fall on it.
    /// </summary>
    public static IReadOnlyList<FieldPlan> FieldPlans(LocalDate today)
    {
        var nextMonday = today.Next(IsoDayOfWeek.Monday);
        return
        [
            new FieldPlan(Guid.Parse("6a1f0c52-0000-4000-8000-000000000001"), West.Email,
                new DateInterval(nextMonday.PlusDays(9), nextMonday.PlusDays(10)),
                new Place("Sacramento, CA 95814", new GeoPoint(38.5816, -121.4944), "America/Los_Angeles", "US", "US-CA", "95814", "Sacramento"),
                80, "Trade show at the convention center"),
            new FieldPlan(Guid.Parse("6a1f0c52-0000-4000-8000-000000000002"), Central.Email,
                new DateInterval(nextMonday, nextMonday.PlusDays(4)),
                new Place("Milwaukee, WI 53202", new GeoPoint(43.0389, -87.9065), "America/Chicago", "US", "US-WI", "53202", "Milwaukee"),
                60, "Dairy plant tour week"),
        ];
    }

    public static OrgSnapshot Snapshot(LocalDate today) => new(Rsms, Territories, FieldPlans(today), [Domain]);

    private static Territory Territory(string name, RsmProfile owner, IReadOnlyList<string> regions, string zone) =>
        new(DeterministicId(name), name, new TerritoryRules(Regions: regions), [new TerritoryAssignment(owner.Email, 1)],
            owner.Verticals, TimeZoneIds.Resolve(zone));

    private static Guid DeterministicId(string name)
    {
        var bytes = new byte[16];
        System.Text.Encoding.UTF8.GetBytes(name.PadRight(16, '-')[..16]).CopyTo(bytes, 0);
        return new Guid(bytes);
    }
}
