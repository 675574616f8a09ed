using Handoff.Scheduling.Routing.Modes;
using NodaTime;

namespace Handoff.Scheduling.Tests.RoutingModes;

/// <summary>
/// The simulation: 1,000 leads over December into a pool of four RSMs weighted 1:1:2:1, Blake out of office
/// for a week, Dev added mid-month. The fair share is recomputed here from its definition (docs/routing.md), not
/// read back from the picker.
/// </summary>
public sealed class RoundRobinSimulationTests
{
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["America/Chicago"];
    private static readonly Instant MonthStart = Zone.AtStartOfDay(new LocalDate(2026, 12, 1)).ToInstant();
    private static readonly Instant MonthEnd = Zone.AtStartOfDay(new LocalDate(2027, 1, 1)).ToInstant();
    private static readonly Interval BlakeAway = new(Zone.AtStartOfDay(new LocalDate(2026, 12, 7)).ToInstant(), Zone.AtStartOfDay(new LocalDate(2026, 12, 14)).ToInstant());
    private static readonly Instant DevAdded = Zone.AtStartOfDay(new LocalDate(2026, 12, 16)).ToInstant();

    private static PoolMember[] Pool() =>
    [
        new("ava@example.com", "Ava", 1, 1, MonthStart - Duration.FromDays(90)),
        new("blake@example.com", "Blake", 1, 1, MonthStart - Duration.FromDays(90), [new Absence(BlakeAway, AbsenceKind.OutOfOffice)]),
        new("cruz@example.com", "Cruz", 2, 2, MonthStart - Duration.FromDays(90)),
        new("dev@example.com", "Dev", 1, 1, DevAdded),
    ];

    private static Instant[] LeadTimes(int seed, int count)
    {
        var random = new Random(seed);
        var span = (MonthEnd - MonthStart).TotalTicks;
        return Enumerable.Range(0, count).Select(_ => MonthStart + Duration.FromTicks((long)(random.NextDouble() * span))).Order().ToArray();
    }

    /// <summary>Runs the leads through the picker; <paramref name="creditable"/> marks some picks canceled/no-show.</summary>
    private static List<PoolHandoff> Simulate(PoolMember[] pool, RoutingSettings settings, int seed, Func<Random, string, bool>? creditable = null)
    {
        var handoffs = new List<PoolHandoff>();
        var random = new Random(seed + 1);
        foreach (var at in LeadTimes(seed, 1000))
        {
            var pick = PoolPicker.Pick(new PoolInput("Central Valley", settings, pool, handoffs, at, Zone));
            Assert.That(pick.Email, Is.Not.Null);
            handoffs.Add(new PoolHandoff(pick.Email!, at, creditable?.Invoke(random, pick.Email!) ?? false));
        }
        return handoffs;
    }

    /// <summary>Fair share by definition: each counted handoff splits 1 among those in the pool and not away at its time (plus its taker), by weight.</summary>
    private static Dictionary<string, double> FairShares(PoolMember[] pool, IEnumerable<PoolHandoff> counted)
    {
        var shares = pool.ToDictionary(m => m.Email, _ => 0.0);
        foreach (var h in counted)
        {
            var present = pool.Where(m => m.Email == h.RsmEmail || (m.AddedAt <= h.At && !(m.Absences ?? []).Any(a => a.Interval.Contains(h.At)))).ToArray();
            var total = present.Sum(m => m.Weight);
            foreach (var m in present)
            {
                shares[m.Email] += m.Weight / total;
            }
        }
        return shares;
    }

    [Test]
    public void Each_rsm_ends_within_two_of_the_weighted_fair_share()
    {
        var pool = Pool();
        var handoffs = Simulate(pool, new RoutingSettings(AssignmentMode.RoundRobin), seed: 14);
        var shares = FairShares(pool, handoffs);
        var counts = handoffs.GroupBy(h => h.RsmEmail).ToDictionary(g => g.Key, g => g.Count());
        Assert.Multiple(() =>
        {
            foreach (var m in pool)
            {
                Assert.That(counts.GetValueOrDefault(m.Email), Is.EqualTo(shares[m.Email]).Within(2), m.Name);
            }
            // Nobody took a lead while away or before being added.
            Assert.That(handoffs.Where(h => h.RsmEmail == "blake@example.com" && BlakeAway.Contains(h.At)), Is.Empty);
            Assert.That(handoffs.Where(h => h.RsmEmail == "dev@example.com" && h.At < DevAdded), Is.Empty);
            // Cruz (weight 2) takes about twice Ava's; Dev, half a month at 1/5, about a tenth of all.
            Assert.That((double)counts["cruz@example.com"] / counts["ava@example.com"], Is.EqualTo(2).Within(0.05));
            Assert.That(counts["dev@example.com"], Is.InRange(80, 125));
            Assert.That(counts.Values.Sum(), Is.EqualTo(1000));
        });
    }

    [Test]
    public void Back_from_vacation_and_newly_added_rsms_are_not_flooded()
    {
        var pool = Pool();
        var handoffs = Simulate(pool, new RoutingSettings(AssignmentMode.RoundRobin), seed: 7);
        // In the day after Blake's return and after Dev's start, neither takes more than their weighted share of it + 1.
        foreach (var (email, from) in new[] { ("blake@example.com", BlakeAway.End), ("dev@example.com", DevAdded) })
        {
            var day = handoffs.Where(h => h.At >= from && h.At < from + Duration.FromDays(1)).ToArray();
            var taken = day.Count(h => h.RsmEmail == email);
            var weightShare = 1.0 / pool.Where(m => m.AddedAt <= from).Sum(m => m.Weight);
            Assert.That(taken, Is.LessThanOrEqualTo(day.Length * weightShare + 1.5), $"{email}: {taken} of {day.Length}");
        }
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Credit_back_decides_whether_canceled_and_no_show_handoffs_count(bool creditBack)
    {
        var pool = Pool();
        // A third of Ava's handoffs are canceled or no-shows (seeded), nobody else's.
        var handoffs = Simulate(pool, new RoutingSettings(AssignmentMode.RoundRobin, CreditBack: creditBack), seed: 21,
            (random, email) => email == "ava@example.com" && random.NextDouble() < 1.0 / 3);
        var counted = handoffs.Where(h => !(creditBack && h.Creditable)).ToArray();
        var shares = FairShares(pool, counted);
        var counts = counted.GroupBy(h => h.RsmEmail).ToDictionary(g => g.Key, g => g.Count());
        Assert.Multiple(() =>
        {
            foreach (var m in pool)
            {
                Assert.That(counts.GetValueOrDefault(m.Email), Is.EqualTo(shares[m.Email]).Within(2), m.Name);
            }
        });
    }

    [Test]
    public void With_credit_back_canceled_and_no_show_handoffs_are_made_up()
    {
        var pool = Pool();
        List<PoolHandoff> Run(bool creditBack) => Simulate(pool, new RoutingSettings(AssignmentMode.RoundRobin, CreditBack: creditBack), seed: 21,
            (random, email) => email == "ava@example.com" && random.NextDouble() < 1.0 / 3);
        static double AvaKeptShare(List<PoolHandoff> all) =>
            (double)all.Count(h => h.RsmEmail == "ava@example.com" && !h.Creditable) / all.Count(h => !h.Creditable);
        var plain = Simulate(pool, new RoutingSettings(AssignmentMode.RoundRobin), seed: 21);
        var expected = (double)plain.Count(h => h.RsmEmail == "ava@example.com") / plain.Count;
        // A third of Ava's handoffs fall through. With credit-back Ava is handed more leads, so the meetings that stand
        // keep Ava's usual share e; without, Ava keeps two thirds of e out of 1 − e/3 standing meetings.
        Assert.Multiple(() =>
        {
            Assert.That(AvaKeptShare(Run(creditBack: true)), Is.EqualTo(expected).Within(0.01));
            Assert.That(AvaKeptShare(Run(creditBack: false)), Is.EqualTo(2 * expected / 3 / (1 - expected / 3)).Within(0.015).And.LessThan(expected - 0.04));
        });
    }

    [Test]
    public void The_period_restarts_counts_each_month()
    {
        var pool = Pool();
        var decemberHandoffs = Enumerable.Range(0, 30).Select(i => new PoolHandoff("ava@example.com", MonthStart + Duration.FromHours(i))).ToList();
        var january = Zone.AtStartOfDay(new LocalDate(2027, 1, 4)).ToInstant();
        var pick = PoolPicker.Pick(new PoolInput("Central Valley", new RoutingSettings(AssignmentMode.RoundRobin), pool, decemberHandoffs, january, Zone));
        Assert.Multiple(() =>
        {
            Assert.That(pick.PeriodHandoffs, Is.Zero);
            // Everyone at 0: Cruz (weight 2) is furthest below the share of this lead.
            Assert.That(pick.Email, Is.EqualTo("cruz@example.com"));
        });
    }
}
