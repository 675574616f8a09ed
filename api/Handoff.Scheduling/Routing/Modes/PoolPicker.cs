using Handoff.Scheduling.Org;
using NodaTime;

namespace Handoff.Scheduling.Routing.Modes;

/// <summary>
/// Picks the RSM of a territory's pool for one lead, by the territory's mode, and says why. Pure: the edge gathers the
/// pool, its handoffs in the period (credit-back applied), absences, earliest slots and performance weights.
/// Formulas: docs/routing.md.
/// </summary>
public static class PoolPicker
{
    /// <summary>Shortfalls closer than this are a tie (floating-point sums of fractions).</summary>
    private const double Tie = 1e-9;

    public static PoolPick Pick(PoolInput input)
    {
        var period = input.Period;
        var handoffs = Counted(input);
        var standings = Standings(input, handoffs);
        var mode = input.Settings.Mode;
        if (standings.Count == 0)
        {
            return new PoolPick(mode, null, null, PickCodes.EmptyPool, period, handoffs.Length, standings, $"{input.TerritoryName} has no active RSM assigned.");
        }

        var available = standings.Where(s => s.Available).ToArray();
        var (picked, code) = mode switch
        {
            AssignmentMode.Priority => (ByPriority(standings, input).First(), PickCodes.Priority),
            _ when available.Length == 0 => (BackFirst(standings), PickCodes.EveryoneAway),
            AssignmentMode.FirstAvailable => available.Any(s => s.EarliestSlot is not null)
                ? (available.Where(s => s.EarliestSlot is not null)
                    .OrderBy(s => s.EarliestSlot).ThenBy(s => s.Priority).ThenBy(s => s.LastBookedAt ?? Instant.MinValue).ThenBy(s => new EmailAddress(s.Email))
                    .First(), PickCodes.FirstAvailable)
                : (ByPriority(available, input).First(), PickCodes.NoSlot),
            _ => (MostBelowShare(available), mode == AssignmentMode.Performance ? PickCodes.PerformanceShare : PickCodes.FairShare),
        };
        return new PoolPick(mode, picked.Email, picked.Name, code, period, handoffs.Length, standings,
            PickText.For(input, picked, code, standings, handoffs.Length));
    }

    /// <summary>
    /// Where each member stands after the period's handoffs so far (the report's fair-share section reads this: the
    /// same formula the pick uses, not a copy).
    /// </summary>
    public static IReadOnlyList<PoolStanding> Standings(PoolInput input) => Standings(input, Counted(input));

    /// <summary>The handoffs that count: booked in the period up to now, minus credited-back ones when credit-back is on.</summary>
    private static PoolHandoff[] Counted(PoolInput input)
    {
        var period = input.Period;
        return input.Handoffs.Where(h => period.Contains(h.At) && h.At <= input.Now && !(input.Settings.CreditBack && h.Creditable)).OrderBy(h => h.At).ToArray();
    }

    /// <summary>
    /// Each member's count, fair share and shortfall. A handoff booked at t adds w_i ÷ Σ_{j∈E(t)} w_j to the share of
    /// every i in E(t): the members already added and not away at t, plus whoever took it.
    /// </summary>
    internal static IReadOnlyList<PoolStanding> Standings(PoolInput input, IReadOnlyList<PoolHandoff> handoffs)
    {
        var pool = input.Pool
            .GroupBy(m => new EmailAddress(m.Email)).Select(g => g.First())
            .ToArray();
        var weights = pool.Select(m => WeightInForce(m, input)).ToArray();
        var index = pool.Select((m, i) => (Address: new EmailAddress(m.Email), i)).ToDictionary(x => x.Address, x => x.i);
        var counts = new int[pool.Length];
        var shares = new double[pool.Length];
        var last = pool.Select(m => m.LastBookedAt).ToArray();
        var eligible = new bool[pool.Length];
        foreach (var handoff in handoffs)
        {
            // Handoffs to RSMs no longer in the pool neither count nor accrue share.
            if (!index.TryGetValue(new EmailAddress(handoff.RsmEmail), out var taker))
            {
                continue;
            }
            counts[taker]++;
            last[taker] = last[taker] is { } known && known > handoff.At ? known : handoff.At;
            var total = 0.0;
            for (var i = 0; i < pool.Length; i++)
            {
                eligible[i] = i == taker || (pool[i].InPoolAt(handoff.At) && pool[i].AbsenceAt(handoff.At) is null);
                total += eligible[i] ? weights[i] : 0;
            }
            for (var i = 0; i < pool.Length; i++)
            {
                shares[i] += eligible[i] && total > 0 ? weights[i] / total : 0;
            }
        }

        var now = input.Now;
        var availableNow = pool.Select(m => m.InPoolAt(now) && m.AbsenceAt(now) is null).ToArray();
        var totalNow = pool.Select((m, i) => availableNow[i] ? weights[i] : 0).Sum();
        return pool.Select((m, i) => new PoolStanding(
            m.Email.Trim(), m.Name, m.Priority, m.Weight, weights[i], counts[i], shares[i],
            shares[i] + (availableNow[i] && totalNow > 0 ? weights[i] / totalNow : 0) - counts[i],
            last[i], availableNow[i], m.AbsenceAt(now), !m.InPoolAt(now), m.EarliestSlot)).ToArray();
    }

    private static double WeightInForce(PoolMember member, PoolInput input) =>
        input.Settings.Mode == AssignmentMode.Performance && input.Performance?.For(member.Email.Trim()) is { } performance
            ? performance.Weight
            : member.Weight;

    /// <summary>Furthest below share; ties by priority, then least recently booked (never booked first), then e-mail.</summary>
    private static PoolStanding MostBelowShare(IReadOnlyList<PoolStanding> available)
    {
        var best = available[0];
        foreach (var s in available.Skip(1))
        {
            if (s.Shortfall > best.Shortfall + Tie ||
                (Math.Abs(s.Shortfall - best.Shortfall) <= Tie && TieOrder(s, best) < 0))
            {
                best = s;
            }
        }
        return best;
    }

    private static int TieOrder(PoolStanding a, PoolStanding b)
    {
        if (a.Priority != b.Priority)
        {
            return a.Priority.CompareTo(b.Priority);
        }
        var la = a.LastBookedAt ?? Instant.MinValue;
        var lb = b.LastBookedAt ?? Instant.MinValue;
        return la != lb ? la.CompareTo(lb) : new EmailAddress(a.Email).CompareTo(new EmailAddress(b.Email));
    }

    /// <summary>Today's order: lowest priority number, the vertical specialist on a tie, then e-mail (members already added).</summary>
    private static IReadOnlyList<PoolStanding> ByPriority(IReadOnlyList<PoolStanding> standings, PoolInput input)
    {
        var specialists = input.Pool.Where(m => m.Specialist).Select(m => new EmailAddress(m.Email)).ToHashSet();
        var present = standings.Where(s => !s.NotYetAdded).ToArray();
        return (present.Length > 0 ? present : standings)
            .OrderBy(s => s.Priority).ThenBy(s => specialists.Contains(new EmailAddress(s.Email)) ? 0 : 1).ThenBy(s => new EmailAddress(s.Email))
            .ToArray();
    }

    private static PoolStanding BackFirst(IReadOnlyList<PoolStanding> standings) =>
        standings.OrderBy(s => s.NotYetAdded ? 1 : 0).ThenBy(s => s.Away is { Interval.HasEnd: true } away ? away.Interval.End : Instant.MaxValue)
            .ThenBy(s => s.Priority).ThenBy(s => new EmailAddress(s.Email)).First();
}
