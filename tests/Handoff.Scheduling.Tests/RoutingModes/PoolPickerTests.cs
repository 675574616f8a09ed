using Handoff.Scheduling.Routing.Modes;
using NodaTime;

namespace Handoff.Scheduling.Tests.RoutingModes;

public sealed class PoolPickerTests
{
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];
    // Friday, Dec 4 2026, 10:00 AM Pacific.
    private static readonly Instant Now = Zone.AtStrictly(new LocalDateTime(2026, 12, 4, 10, 0)).ToInstant();
    private static readonly Instant Long = Now - Duration.FromDays(365);

    private static Instant At(int day, int hour = 9) => Zone.AtStrictly(new LocalDateTime(2026, 12, day, hour, 0)).ToInstant();

    private static PoolInput Input(AssignmentMode mode, PoolMember[] pool, IReadOnlyList<PoolHandoff> handoffs) =>
        new("Central Valley", new RoutingSettings(mode), pool, handoffs, Now, Zone);

    [Test]
    public void Round_robin_explains_count_share_and_who_is_away()
    {
        var pool = new PoolMember[]
        {
            new("dana@example.com", "Dana", 1, 1, Long),
            new("alex@example.com", "Alex", 1, 1, Long, [new Absence(new Interval(At(3), At(9)), AbsenceKind.OutOfOffice)]),
            new("sam@example.com", "Sam", 2, 1, Long, [new Absence(new Interval(At(4, 8), At(4, 14)), AbsenceKind.Leave)]),
        };
        // Before the absences: Dana 3, Alex 3, Sam 2 (8 handoffs, 8/3 each); Dec 3 while Alex is out: Sam 1.
        var handoffs = new[] { "dana", "alex", "sam", "dana", "alex", "sam", "dana", "alex" }
            .Select((who, i) => new PoolHandoff($"{who}@example.com", At(1, 8 + i)))
            .Append(new PoolHandoff("sam@example.com", At(3, 12))).ToArray();
        var pick = PoolPicker.Pick(Input(AssignmentMode.RoundRobin, pool, handoffs));
        Assert.Multiple(() =>
        {
            Assert.That(pick.Email, Is.EqualTo("dana@example.com"));
            Assert.That(pick.Code, Is.EqualTo(PickCodes.FairShare));
            Assert.That(pick.Standings.Single(s => s.Name == "Dana").FairShare, Is.EqualTo(8.0 / 3 + 0.5).Within(1e-9));
            Assert.That(pick.Text, Is.EqualTo("Dana: 3 of this month's 9 Central Valley handoffs, fair share 3.2 · Alex out of office until Wednesday · Sam on leave until 2:00 PM"));
        });
    }

    [Test]
    public void Ties_go_to_priority_then_to_the_least_recently_booked()
    {
        PoolMember[] Pool(int lucyPriority) =>
        [
            new("kim@example.com", "Kim", 1, 1, Long, LastBookedAt: At(1)),
            new("lucy@example.com", "Lucy", lucyPriority, 1, Long, LastBookedAt: At(2)),
            new("max@example.com", "Max", 2, 1, Long, LastBookedAt: Long),
        ];
        Assert.Multiple(() =>
        {
            // All at zero: priority 1 beats 2; between Kim and Lucy, Kim was booked longer ago.
            Assert.That(PoolPicker.Pick(Input(AssignmentMode.RoundRobin, Pool(1), [])).Email, Is.EqualTo("kim@example.com"));
            Assert.That(PoolPicker.Pick(Input(AssignmentMode.RoundRobin, Pool(0), [])).Email, Is.EqualTo("lucy@example.com"));
            // With Kim one ahead, Lucy and Max are below share: Lucy (priority 1) wins.
            Assert.That(PoolPicker.Pick(Input(AssignmentMode.RoundRobin, Pool(1), [new PoolHandoff("kim@example.com", At(3))])).Email, Is.EqualTo("lucy@example.com"));
        });
    }

    [Test]
    public void First_available_takes_the_earliest_slot_and_skips_whoever_is_away()
    {
        var pool = new PoolMember[]
        {
            new("dana@example.com", "Dana", 1, 1, Long, EarliestSlot: At(8, 13)),
            new("alex@example.com", "Alex", 2, 1, Long, EarliestSlot: At(7, 15)),
            new("sam@example.com", "Sam", 3, 1, Long, [new Absence(new Interval(At(1), At(7)), AbsenceKind.OutOfOffice)], EarliestSlot: At(7, 9)),
        };
        var pick = PoolPicker.Pick(Input(AssignmentMode.FirstAvailable, pool, []));
        Assert.Multiple(() =>
        {
            Assert.That(pick.Email, Is.EqualTo("alex@example.com"));
            Assert.That(pick.Code, Is.EqualTo(PickCodes.FirstAvailable));
            Assert.That(pick.Text, Is.EqualTo("Alex: earliest feasible slot in Central Valley, Monday 3:00 PM · Sam out of office until Monday"));
        });
        var none = PoolPicker.Pick(Input(AssignmentMode.FirstAvailable, pool.Select(m => m with { EarliestSlot = null }).ToArray(), []));
        Assert.That((none.Email, none.Code), Is.EqualTo(("dana@example.com", PickCodes.NoSlot)));
    }

    [Test]
    public void Priority_mode_keeps_the_owner_and_the_specialist_tiebreak()
    {
        var pool = new PoolMember[]
        {
            new("b@example.com", "Bo", 1, 1, Long),
            new("a@example.com", "Al", 2, 1, Long),
            new("c@example.com", "Cy", 1, 1, Long, Specialist: true),
        };
        var pick = PoolPicker.Pick(Input(AssignmentMode.Priority, pool, [new PoolHandoff("c@example.com", At(2))]));
        Assert.That((pick.Email, pick.Text), Is.EqualTo(("c@example.com", "Cy: priority 1 in Central Valley")));
    }

    [Test]
    public void Everyone_away_goes_to_whoever_is_back_first_and_an_empty_pool_to_nobody()
    {
        var pool = new PoolMember[]
        {
            new("dana@example.com", "Dana", 1, 1, Long, [new Absence(new Interval(At(1), At(11)), AbsenceKind.Leave)]),
            new("alex@example.com", "Alex", 2, 1, Long, [new Absence(new Interval(At(2), At(8)), AbsenceKind.OutOfOffice)]),
        };
        var pick = PoolPicker.Pick(Input(AssignmentMode.RoundRobin, pool, []));
        var empty = PoolPicker.Pick(Input(AssignmentMode.RoundRobin, [], []));
        Assert.Multiple(() =>
        {
            Assert.That((pick.Email, pick.Code), Is.EqualTo(("alex@example.com", PickCodes.EveryoneAway)));
            Assert.That(pick.Text, Is.EqualTo("Alex: everyone in Central Valley is away; Alex is back first · Dana on leave until Dec 11"));
            Assert.That((empty.Email, empty.Code), Is.EqualTo(((string?)null, PickCodes.EmptyPool)));
        });
    }

    [TestCase(RoutingPeriod.Day, "2026-12-04", "2026-12-05")]
    [TestCase(RoutingPeriod.Week, "2026-11-30", "2026-12-07")]
    [TestCase(RoutingPeriod.Month, "2026-12-01", "2027-01-01")]
    [TestCase(RoutingPeriod.Quarter, "2026-10-01", "2027-01-01")]
    public void Periods_run_in_the_org_zone(RoutingPeriod period, string start, string end)
    {
        var interval = RoutingPeriods.Containing(Now, Zone, period);
        Assert.That((interval.Start.InZone(Zone).LocalDateTime, interval.End.InZone(Zone).LocalDateTime),
            Is.EqualTo((NodaTime.Text.LocalDatePattern.Iso.Parse(start).Value.AtMidnight(), NodaTime.Text.LocalDatePattern.Iso.Parse(end).Value.AtMidnight())));
    }
}
