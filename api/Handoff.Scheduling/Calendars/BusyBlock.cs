using NodaTime;

namespace Handoff.Scheduling.Calendars;

/// <summary>
/// One item on an RSM's calendar. <see cref="Interval"/> is half-open: a block that ends when the meeting
/// starts is no conflict. <see cref="Subject"/> and <see cref="Location"/> are only present when the RSM's
/// sharing allows it, and never for private items.
/// </summary>
public sealed record BusyBlock(Interval Interval, BusyStatus Status, string? Location = null, string? Subject = null, bool IsPrivate = false)
{
    /// <summary>The block with whatever a private item must not reveal removed.</summary>
    public BusyBlock Redacted() => IsPrivate ? this with { Subject = null, Location = null } : this;

    public bool Overlaps(Interval other) => Interval.Start < other.End && other.Start < Interval.End;
}
