using Handoff.Scheduling.Org;
using NodaTime;

namespace Handoff.Scheduling.Routing.Modes;

/// <summary>Stable codes for why a pool pick went where it went.</summary>
public static class PickCodes
{
    public const string Priority = "PRIORITY";
    public const string FairShare = "FAIR_SHARE";
    public const string PerformanceShare = "PERFORMANCE_SHARE";
    public const string FirstAvailable = "FIRST_AVAILABLE";
    /// <summary>First available, but nobody had a feasible slot in the searched window: picked by priority instead.</summary>
    public const string NoSlot = "NO_SLOT";
    /// <summary>Everyone in the pool is away: the one back first is picked.</summary>
    public const string EveryoneAway = "EVERYONE_AWAY";
    public const string EmptyPool = "EMPTY_POOL";
}

/// <summary>
/// Where one RSM stands in the pool this period. <see cref="Count"/>: handoffs they took; <see cref="FairShare"/>: their
/// weighted share of the pool's handoffs so far (docs/routing.md); <see cref="Shortfall"/>: how far below their share
/// they would be after this lead's share is added (the round-robin key); <see cref="Weight"/>: the weight in force
/// (performance mode scales <see cref="BaseWeight"/>).
/// </summary>
public sealed record PoolStanding(
    string Email,
    string Name,
    int Priority,
    double BaseWeight,
    double Weight,
    int Count,
    double FairShare,
    double Shortfall,
    Instant? LastBookedAt,
    bool Available,
    Absence? Away,
    bool NotYetAdded,
    Instant? EarliestSlot);

/// <summary>
/// A pick and its explanation: the RSM (null only for an empty pool), a stable <see cref="Code"/>, each member's
/// standing (pool order), and <see cref="Text"/> for people: "Dana: 3 of this month's 9 Central Valley handoffs, fair
/// share 4.5 · Alex out of office until Wednesday".
/// </summary>
public sealed record PoolPick(
    AssignmentMode Mode,
    string? Email,
    string? Name,
    string Code,
    Interval Period,
    int PeriodHandoffs,
    IReadOnlyList<PoolStanding> Standings,
    string Text)
{
    public PoolStanding? Picked => Email is null ? null : Standings.FirstOrDefault(s => EmailAddress.Same(s.Email, Email));
}
