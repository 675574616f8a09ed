using Handoff.Scheduling.Org;

namespace Handoff.Scheduling.Routing.Modes;

/// <summary>
/// An RSM's decided handoffs in the trailing window (for one vertical, or all): <see cref="Decided"/> = held + no-shows +
/// disqualified, <see cref="Held"/> includes those that became opportunities, <see cref="Opportunities"/> ⊆ held.
/// </summary>
public sealed record MemberOutcomes(string Email, int Decided, int Held, int Opportunities);

/// <summary>
/// <see cref="PriorStrength"/> k: how many pseudo-meetings at the pool's mean each RSM's rates start from.
/// <see cref="Floor"/>: no RSM's share falls below this fraction of their plain weighted share.
/// <see cref="WindowDays"/>: how far back outcomes count (the edge reads it).
/// </summary>
public sealed record PerformanceOptions(double PriorStrength = 10, double Floor = 0.5, int WindowDays = 90)
{
    public static PerformanceOptions Default { get; } = new();
}

/// <summary>One RSM's performance weight and the figures behind it.</summary>
public sealed record PerformanceWeight(
    string Email,
    double BaseWeight,
    int Decided,
    int Held,
    int Opportunities,
    double HeldRate,
    double OpportunityRate,
    double Score,
    double Multiplier,
    double Weight,
    double Share,
    bool Floored);

/// <summary>
/// Performance weights for a pool (docs/routing.md, "Performance"). With m_h = ΣH ÷ ΣD and m_o = ΣO ÷ ΣH over the pool,
/// each RSM's smoothed rates are h_i = (H_i + k·m_h) ÷ (D_i + k) and o_i = (O_i + k·m_o) ÷ (H_i + k), their score
/// s_i = h_i·o_i (a booked lead's chance of becoming an opportunity). Raw share r_i = w_i·s_i ÷ Σ w_j·s_j; shares below
/// floor·w_i ÷ Σw are raised to it and the rest of the pool shares what is left in proportion to w_j·s_j (repeated until
/// nobody else falls below). Weight in force W_i = share_i · Σw (same total as the plain weights), multiplier W_i ÷ w_i.
/// </summary>
public sealed class PerformanceWeights
{
    private readonly Dictionary<string, PerformanceWeight> _byEmail;

    private PerformanceWeights(IReadOnlyList<PerformanceWeight> members, double poolHeldRate, double poolOpportunityRate, string? vertical, PerformanceOptions options)
    {
        Members = members;
        PoolHeldRate = poolHeldRate;
        PoolOpportunityRate = poolOpportunityRate;
        Vertical = vertical;
        Options = options;
        _byEmail = members.ToDictionary(m => m.Email, EmailAddress.Comparer);
    }

    public IReadOnlyList<PerformanceWeight> Members { get; }

    public double PoolHeldRate { get; }

    public double PoolOpportunityRate { get; }

    public string? Vertical { get; }

    public PerformanceOptions Options { get; }

    public PerformanceWeight? For(string email) => _byEmail.GetValueOrDefault(email);

    public static PerformanceWeights Compute(
        IReadOnlyList<(string Email, double Weight)> pool, IReadOnlyCollection<MemberOutcomes> outcomes, PerformanceOptions options, string? vertical = null)
    {
        var byEmail = outcomes.GroupBy(o => o.Email, EmailAddress.Comparer)
            .ToDictionary(g => g.Key, g => new MemberOutcomes(g.Key, g.Sum(o => o.Decided), g.Sum(o => o.Held), g.Sum(o => o.Opportunities)), EmailAddress.Comparer);
        var rows = pool.Select(p => (p.Email, p.Weight, O: byEmail.GetValueOrDefault(p.Email) ?? new MemberOutcomes(p.Email, 0, 0, 0))).ToArray();
        double decided = rows.Sum(r => r.O.Decided), held = rows.Sum(r => r.O.Held), opportunities = rows.Sum(r => r.O.Opportunities);
        // No outcomes at all: every rate is the (undefined) mean, so every score is equal; 1 keeps the arithmetic plain.
        var meanHeld = decided > 0 ? held / decided : 1;
        var meanOpportunity = held > 0 ? opportunities / held : 1;
        var k = Math.Max(0, options.PriorStrength);
        var scored = rows.Select(r =>
        {
            var h = r.O.Decided + k > 0 ? (r.O.Held + k * meanHeld) / (r.O.Decided + k) : meanHeld;
            var o = r.O.Held + k > 0 ? (r.O.Opportunities + k * meanOpportunity) / (r.O.Held + k) : meanOpportunity;
            return (r.Email, r.Weight, r.O, HeldRate: h, OpportunityRate: o, Score: h * o);
        }).ToArray();

        var totalWeight = scored.Sum(s => s.Weight);
        var floor = Math.Clamp(options.Floor, 0, 1);
        var shares = new double[scored.Length];
        var floored = new bool[scored.Length];
        // Water-filling: raise whoever falls below the floor to it, share the rest by w·s among the others, repeat.
        while (true)
        {
            var free = 1 - Enumerable.Range(0, scored.Length).Where(i => floored[i]).Sum(i => floor * scored[i].Weight / totalWeight);
            var mass = Enumerable.Range(0, scored.Length).Where(i => !floored[i]).Sum(i => scored[i].Weight * scored[i].Score);
            var changed = false;
            for (var i = 0; i < scored.Length; i++)
            {
                shares[i] = floored[i] ? floor * scored[i].Weight / totalWeight
                    : mass > 0 ? free * scored[i].Weight * scored[i].Score / mass : scored[i].Weight / totalWeight;
            }
            for (var i = 0; i < scored.Length; i++)
            {
                if (!floored[i] && shares[i] < floor * scored[i].Weight / totalWeight - 1e-12)
                {
                    floored[i] = changed = true;
                }
            }
            if (!changed)
            {
                break;
            }
        }

        var members = scored.Select((s, i) => new PerformanceWeight(
            s.Email, s.Weight, s.O.Decided, s.O.Held, s.O.Opportunities, s.HeldRate, s.OpportunityRate, s.Score,
            s.Weight > 0 ? shares[i] * totalWeight / s.Weight : 0, shares[i] * totalWeight, shares[i], floored[i])).ToArray();
        return new PerformanceWeights(members, decided > 0 ? held / decided : 0, held > 0 ? opportunities / held : 0, vertical, options);
    }
}
