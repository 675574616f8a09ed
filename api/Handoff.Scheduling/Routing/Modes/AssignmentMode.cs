using NodaTime;

namespace Handoff.Scheduling.Routing.Modes;

/// <summary>How a territory picks the RSM for a lead among its assigned RSMs (its pool).</summary>
public enum AssignmentMode
{
    /// <summary>The active RSM with the lowest priority number (the vertical specialist wins a tie): the behaviour before modes existed.</summary>
    Priority,
    /// <summary>Weighted fair share of the pool's handoffs in the period; the RSM furthest below their share wins.</summary>
    RoundRobin,
    /// <summary>The RSM with the earliest feasible slot (every check rule, travel included).</summary>
    FirstAvailable,
    /// <summary>Round robin whose weights are scaled by each RSM's smoothed held and opportunity rates for the lead's vertical.</summary>
    Performance,
}

/// <summary>Over which span round-robin counts run before they start again, in the org's zone.</summary>
public enum RoutingPeriod
{
    Day,
    /// <summary>ISO week: Monday 00:00 to Monday 00:00.</summary>
    Week,
    Month,
    Quarter,
}

/// <summary>
/// A territory's routing settings. <see cref="CreditBack"/>: canceled and no-show handoffs
/// (<see cref="PoolHandoff.Creditable"/>) neither count for the RSM nor add to anyone's share.
/// </summary>
public sealed record RoutingSettings(AssignmentMode Mode = AssignmentMode.Priority, RoutingPeriod Period = RoutingPeriod.Month, bool CreditBack = true)
{
    public static RoutingSettings Default { get; } = new();
}

/// <summary>Why an RSM cannot take a lead for a while.</summary>
public enum AbsenceKind
{
    /// <summary>An out-of-office item on their calendar.</summary>
    OutOfOffice,
    /// <summary>A field plan marked as leave.</summary>
    Leave,
}

/// <summary>A span an RSM is away (half-open).</summary>
public sealed record Absence(Interval Interval, AbsenceKind Kind);

/// <summary>
/// One RSM of a territory's pool. <see cref="Weight"/> &gt; 0 scales their fair share; <see cref="AddedAt"/> is when
/// the assignment was made (no share accrues before it); <see cref="Absences"/> may reach back to the period's start
/// (no share accrues while away). <see cref="LastBookedAt"/> is their latest handoff in this pool, of any period.
/// <see cref="EarliestSlot"/> is their earliest feasible slot (only first-available reads it; null: none in the window).
/// </summary>
public sealed record PoolMember(
    string Email,
    string Name,
    int Priority,
    double Weight,
    Instant AddedAt,
    IReadOnlyList<Absence>? Absences = null,
    Instant? LastBookedAt = null,
    bool Specialist = false,
    Instant? EarliestSlot = null)
{
    public Absence? AbsenceAt(Instant at) => Absences?.FirstOrDefault(a => a.Interval.Contains(at));

    public bool InPoolAt(Instant at) => AddedAt <= at;
}

/// <summary>
/// A handoff the pool received: who took it and when it was booked (created). <see cref="Creditable"/>: it was canceled
/// or the prospect did not show, so with credit-back on it does not count.
/// </summary>
public sealed record PoolHandoff(string RsmEmail, Instant At, bool Creditable = false);

/// <summary>
/// Everything a pick needs, gathered at the edge. <see cref="Handoffs"/>: the pool's handoffs (those outside
/// <see cref="Period"/> or after <see cref="Now"/> are ignored; canceled/no-show ones too when credit-back is on).
/// <see cref="Performance"/> is read only in performance mode.
/// </summary>
public sealed record PoolInput(
    string TerritoryName,
    RoutingSettings Settings,
    IReadOnlyList<PoolMember> Pool,
    IReadOnlyList<PoolHandoff> Handoffs,
    Instant Now,
    DateTimeZone OrgZone,
    string? Vertical = null,
    PerformanceWeights? Performance = null)
{
    public Interval Period => RoutingPeriods.Containing(Now, OrgZone, Settings.Period);
}
