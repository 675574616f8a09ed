using Handoff.Scheduling.Routing.Modes;
using NodaTime;

namespace Handoff.Scheduling.Tests.RoutingModes;

public sealed class PerformanceWeightsTests
{
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["America/Chicago"];
    private static readonly Instant MonthStart = Zone.AtStartOfDay(new LocalDate(2026, 12, 1)).ToInstant();
    private static readonly (string Email, double Weight)[] Weights = [("strong@example.com", 1), ("plain@example.com", 1), ("weak@example.com", 1), ("heavy@example.com", 2)];

    private static PoolMember[] Pool() =>
        Weights.Select((w, i) => new PoolMember(w.Email, w.Email[..w.Email.IndexOf('@')], 1, w.Weight, MonthStart - Duration.FromDays(90))).ToArray();

    /// <summary>Seeded outcomes: each RSM's meetings are held and become opportunities at the given rates.</summary>
    private static MemberOutcomes Seeded(Random random, string email, int decided, double held, double opportunity)
    {
        var h = Enumerable.Range(0, decided).Count(_ => random.NextDouble() < held);
        var o = Enumerable.Range(0, h).Count(_ => random.NextDouble() < opportunity);
        return new MemberOutcomes(email, decided, h, o);
    }

    private static MemberOutcomes[] Outcomes(int seed, double strongOpportunity) =>
        [
            Seeded(new Random(seed), "strong@example.com", 60, 0.85, strongOpportunity),
            Seeded(new Random(seed + 1), "plain@example.com", 60, 0.7, 0.3),
            Seeded(new Random(seed + 2), "weak@example.com", 60, 0.35, 0.05),
            Seeded(new Random(seed + 3), "heavy@example.com", 120, 0.7, 0.3),
        ];

    private static Dictionary<string, int> Simulate(PerformanceWeights weights, int leads = 400)
    {
        var pool = Pool();
        var handoffs = new List<PoolHandoff>();
        for (var i = 0; i < leads; i++)
        {
            var at = MonthStart + Duration.FromMinutes(60 * i + 7);
            var pick = PoolPicker.Pick(new PoolInput("West", new RoutingSettings(AssignmentMode.Performance), pool, handoffs, at, Zone, "Manufacturing", weights));
            handoffs.Add(new PoolHandoff(pick.Email!, at));
        }
        return handoffs.GroupBy(h => h.RsmEmail).ToDictionary(g => g.Key, g => g.Count());
    }

    [Test]
    public void Share_shifts_toward_the_stronger_rsm_but_never_below_the_floor_and_recovers()
    {
        var options = new PerformanceOptions(PriorStrength: 10, Floor: 0.5);
        var strong = PerformanceWeights.Compute(Weights, Outcomes(3, 0.6), options, "Manufacturing");
        var counts = Simulate(strong);
        // Plain weighted shares of 400: 80, 80, 80, 160.
        Assert.Multiple(() =>
        {
            Assert.That(counts["strong@example.com"], Is.GreaterThan(80 * 1.4));
            Assert.That(counts["weak@example.com"], Is.GreaterThanOrEqualTo(80 * 0.5 - 2));
            Assert.That(strong.For("weak@example.com")!.Floored, Is.True);
            Assert.That(strong.For("weak@example.com")!.Share, Is.EqualTo(0.5 * 1 / 5).Within(1e-9));
            Assert.That(strong.Members.Sum(m => m.Share), Is.EqualTo(1).Within(1e-9));
            Assert.That(strong.Members.Sum(m => m.Weight), Is.EqualTo(5).Within(1e-9));
        });

        // In a later window everyone's outcomes are alike: the plain weighted shares come back, the weak RSM included.
        var alike = Weights.Select(w => new MemberOutcomes(w.Email, (int)(60 * w.Weight), (int)(42 * w.Weight), (int)(13 * w.Weight))).ToArray();
        var after = Simulate(PerformanceWeights.Compute(Weights, alike, options, "Manufacturing"));
        Assert.Multiple(() =>
        {
            foreach (var (email, weight) in Weights)
            {
                Assert.That(after[email], Is.EqualTo(80 * weight).Within(1), email);
            }
        });
    }

    [Test]
    public void Small_samples_are_smoothed_toward_the_pool_mean()
    {
        // One meeting, held, opportunity: raw rates of 100%. With k = 10 it stays near the pool's mean.
        var outcomes = new[] { new MemberOutcomes("strong@example.com", 1, 1, 1), new MemberOutcomes("plain@example.com", 100, 70, 21) };
        var weights = PerformanceWeights.Compute([("strong@example.com", 1), ("plain@example.com", 1)], outcomes, new PerformanceOptions(PriorStrength: 10, Floor: 0.5));
        var newcomer = weights.For("strong@example.com")!;
        Assert.Multiple(() =>
        {
            var meanHeld = 71.0 / 101;
            Assert.That(newcomer.HeldRate, Is.EqualTo((1 + 10 * meanHeld) / 11).Within(1e-12));
            Assert.That(newcomer.OpportunityRate, Is.EqualTo((1 + 10 * 22.0 / 71) / 11).Within(1e-12));
            Assert.That(newcomer.Multiplier, Is.InRange(1.0, 1.3));
        });
        // Nobody has outcomes yet: the plain weights stand.
        var none = PerformanceWeights.Compute([("a@example.com", 1), ("b@example.com", 3)], [], PerformanceOptions.Default);
        Assert.That(none.Members.Select(m => m.Weight), Is.EqualTo(new[] { 1.0, 3.0 }).Within(1e-12));
    }

    [Test]
    public void A_performance_pick_explains_its_weight()
    {
        var weights = PerformanceWeights.Compute(Weights, Outcomes(3, 0.6), PerformanceOptions.Default, "Manufacturing");
        var pick = PoolPicker.Pick(new PoolInput("West", new RoutingSettings(AssignmentMode.Performance), Pool(), [], MonthStart + Duration.FromHours(1), Zone, "Manufacturing", weights));
        var w = weights.For(pick.Email!)!;
        Assert.That(pick.Text, Does.StartWith($"{pick.Name}: 0 of this month's 0 West handoffs, fair share 0 (weight ×{w.Multiplier:0.00}: held ").And.EndWith("decided in Manufacturing)"));
    }
}
