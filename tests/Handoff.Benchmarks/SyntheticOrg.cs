using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Time;
using NodaTime;

namespace Handoff.Benchmarks;

/// <summary>Seeded, realistic inputs: RSMs across US zones with working-day calendars around a fixed instant.</summary>
internal static class SyntheticOrg
{
    public static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 14, 0);
    public static readonly Interval Meeting = new(Instant.FromUtc(2026, 12, 3, 18, 0), Instant.FromUtc(2026, 12, 3, 19, 0));

    private static readonly string[] Zones = ["America/Los_Angeles", "America/Denver", "America/Chicago", "America/New_York", "America/Phoenix"];
    private static readonly BusyStatus[] Statuses = [BusyStatus.Busy, BusyStatus.Busy, BusyStatus.Busy, BusyStatus.Tentative, BusyStatus.WorkingElsewhere, BusyStatus.Free];

    public static RsmProfile Rsm(int i) =>
        new($"rsm{i}@example.com", $"RSM {i}", TimeZoneIds.Resolve(Zones[i % Zones.Length]), WorkingHours: WorkingHours.Weekdays(new LocalTime(8, 0), new LocalTime(17, 0)));

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
}
