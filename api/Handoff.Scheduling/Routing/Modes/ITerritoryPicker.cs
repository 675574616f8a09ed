using Handoff.Scheduling.Org;

namespace Handoff.Scheduling.Routing.Modes;

/// <summary>What the pick is for: how much work it may do.</summary>
public enum PickUse
{
    /// <summary>Routing a lead (the owner endpoint, lead routing): every mode, first-available searching the pool's slots.</summary>
    Route,
    /// <summary>
    /// Inside a check or a suggestion search: round robin and performance only. First available needs a slot search
    /// of its own, so there any RSM of the pool counts as the owner (and a search inside a search is avoided).
    /// </summary>
    Check,
}

/// <summary>
/// Applies a territory's assignment mode to a territory match: the edge gathers the pool's handoffs, absences and
/// outcomes and calls <see cref="PoolPicker"/>. The match comes back with <see cref="TerritoryMatch.Owner"/> = the
/// picked RSM and <see cref="TerritoryMatch.Pick"/> set, or unchanged (priority mode, no territory, empty pool).
/// <c>handoffKey</c>: the invite being checked, when it was already sent — its own handoff is left out of the counts,
/// so re-checking a sent invite sees the pool as it stood before it.
/// </summary>
public interface ITerritoryPicker
{
    ValueTask<TerritoryMatch> ApplyAsync(TerritoryMatch match, string? vertical, OrgSnapshot org, PickUse use, string? handoffKey, CancellationToken cancellationToken);
}

/// <summary>Priority for every territory: the behaviour without a picker (core tests, tools).</summary>
public sealed class PriorityOnly : ITerritoryPicker
{
    public static PriorityOnly Instance { get; } = new();

    public ValueTask<TerritoryMatch> ApplyAsync(TerritoryMatch match, string? vertical, OrgSnapshot org, PickUse use, string? handoffKey, CancellationToken cancellationToken) =>
        ValueTask.FromResult(match);
}

public static class TerritoryMatchPicks
{
    /// <summary>The match with the pick applied: the picked RSM becomes the owner.</summary>
    public static TerritoryMatch WithPick(this TerritoryMatch match, PoolPick pick, OrgSnapshot org) =>
        pick.Email is { } email && org.FindRsm(email) is { } rsm
            ? match with { Owner = rsm, Specialist = match.Specialist is { } s && EmailAddress.Same(s.Email, rsm.Email) ? null : match.Specialist, Pick = pick }
            : match;
}
