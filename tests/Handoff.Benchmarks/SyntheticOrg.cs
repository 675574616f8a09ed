using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Routing;
using Handoff.Scheduling.Time;
using Handoff.Scheduling.Travel;
using NodaTime;

namespace Handoff.Benchmarks;

/// <summary>Seeded, realistic inputs: RSMs across US zones with working-day calendars around a fixed instant.</summary>
internal static class SyntheticOrg
{
    public static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 14, 0);
    public static readonly Interval Meeting = new(Instant.FromUtc(2026, 12, 3, 18, 0), Instant.FromUtc(2026, 12, 3, 19, 0));

    private static readonly string[] Zones = ["America/Los_Angeles", "America/Denver", "America/Chicago", "America/New_York", "America/Phoenix"];
    private static readonly BusyStatus[] Statuses = [BusyStatus.Busy, BusyStatus.Busy, BusyStatus.Busy, BusyStatus.Tentative, BusyStatus.WorkingElsewhere, BusyStatus.Free];

    // Home bases in the zones above, in the same order.
    private static readonly Place[] Bases =
    [
        new("Fresno, CA 93706", new GeoPoint(36.7378, -119.7871), "America/Los_Angeles", "US", "CA", "93706", "Fresno"),
        new("Denver, CO 80202", new GeoPoint(39.7525, -104.9995), "America/Denver", "US", "CO", "80202", "Denver"),
        new("Chicago, IL 60607", new GeoPoint(41.8756, -87.6515), "America/Chicago", "US", "IL", "60607", "Chicago"),
        new("New York, NY 10001", new GeoPoint(40.7506, -73.9972), "America/New_York", "US", "NY", "10001", "New York"),
        new("Phoenix, AZ 85004", new GeoPoint(33.4510, -112.0686), "America/Phoenix", "US", "AZ", "85004", "Phoenix"),
    ];

    // Where a California territory's RSMs live, for the suggestion search.
    private static readonly Place[] CaliforniaBases =
    [
        Bases[0],
        new("Sacramento, CA 95814", new GeoPoint(38.5816, -121.4944), "America/Los_Angeles", "US", "CA", "95814", "Sacramento"),
        new("Bakersfield, CA 93301", new GeoPoint(35.3733, -119.0187), "America/Los_Angeles", "US", "CA", "93301", "Bakersfield"),
        new("Los Angeles, CA 90012", new GeoPoint(34.0614, -118.2385), "America/Los_Angeles", "US", "CA", "90012", "Los Angeles"),
        new("San Jose, CA 95113", new GeoPoint(37.3337, -121.8907), "America/Los_Angeles", "US", "CA", "95113", "San Jose"),
    ];

    public static RsmProfile Rsm(int i) =>
        new($"rsm{i}@example.com", $"RSM {i}", TimeZoneIds.Resolve(Zones[i % Zones.Length]), Bases[i % Bases.Length],
            WorkingHours.Weekdays(new LocalTime(8, 0), new LocalTime(17, 0)), ["metals-recycling"], TravelProfile.Default);

    /// <summary>RSM <paramref name="i"/> of a California territory, based in one of five Californian cities.</summary>
    public static RsmProfile CaliforniaRsm(int i) =>
        new($"ca.rsm{i:00}@example.com", $"CA RSM {i:00}", TimeZoneIds.Resolve("America/Los_Angeles"), CaliforniaBases[i % CaliforniaBases.Length],
            WorkingHours.Weekdays(new LocalTime(8, 0), new LocalTime(17, 0)), ["metals-recycling"], TravelProfile.Default);

    /// <summary>A territory covering California, its RSMs in the given order of priority.</summary>
    public static Territory California(IReadOnlyList<RsmProfile> rsms) =>
        new(new Guid("0ca0ca00-0000-4000-8000-000000000001"), "California", new TerritoryRules(Regions: ["US-CA"]),
            rsms.Select((r, n) => new TerritoryAssignment(r.Email, n + 1)).ToArray(), ["metals-recycling"], TimeZoneIds.Resolve("America/Los_Angeles"));

    /// <summary>The rules the API runs: the one rule set (<see cref="RuleSet"/>).</summary>
    public static MeetingChecker ProductChecker(TravelOptions travel) => RuleSet.Checker(new TripEstimator(travel));

    /// <summary><paramref name="blocks"/> items of 30–120 min spread over the 30 days around the meeting.</summary>
    public static BusyBlock[] Calendar(Random random, int blocks)
    {
        var from = Meeting.Start - Duration.FromDays(15);
        var items = new BusyBlock[blocks];
        for (var i = 0; i < blocks; i++)
        {
            var start = from + Duration.FromMinutes(random.Next(0, 30 * 24 * 4) * 15);
            var length = Duration.FromMinutes(30 * random.Next(1, 5));
            items[i] = new BusyBlock(new Interval(start, start + length), Statuses[random.Next(Statuses.Length)], random.Next(3) == 0 ? "Fresno, CA 93706" : null, "Customer meeting");
        }
        Array.Sort(items, (a, b) => a.Interval.Start.CompareTo(b.Interval.Start));
        return items;
    }

    public static MeetingDraft Draft(int rsms, int blocks, int seed = 42)
    {
        var random = new Random(seed);
        var contexts = Enumerable.Range(0, rsms).Select(i =>
        {
            var rsm = Rsm(i);
            return new RsmContext(rsm, rsm.Zone!, rsm.WorkingHours!, Calendar(random, blocks));
        }).ToArray();
        var prospect = new ProspectContext(TimeZoneIds.Resolve("America/Los_Angeles"), WorkingHours.DefaultBusinessHours, ["cfo@acme-metals.example"], "Fresno", ZoneSource.Request);
        return new MeetingDraft(Meeting, TimeZoneIds.Resolve("America/New_York"), "sdr@example.com", prospect, contexts, "Fresno, CA 93706");
    }

    /// <summary>The request an SDR's add-in sends for <paramref name="draft"/>: its RSMs and prospect as attendees.</summary>
    public static MeetingRequest Request(MeetingDraft draft) => new(
        draft.Meeting,
        draft.OrganizerZone,
        [.. draft.Rsms.Select(r => r.Profile.Email), .. draft.Prospect.Emails],
        draft.OrganizerEmail,
        draft.Location,
        draft.Prospect.Zone,
        draft.Vertical);
}
