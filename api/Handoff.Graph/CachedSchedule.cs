using System.ComponentModel;
using System.Text.Json.Serialization;
using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Time;
using NodaTime;

namespace Handoff.Graph;

// What the cache keeps of one RSM's schedule for one UTC day. Plain, JSON-friendly values: HybridCache
// serialises entries for a distributed (L2) cache, and NodaTime types would need converters there.
// Immutable, so the in-process (L1) cache may hand out the same instance without copying it; each entry also keeps
// the core's (immutable) form of its values, built once when it is read or deserialised, so the checks that reuse it
// (hundreds per read under load: a check reads its RSMs' whole suggestion window) only copy references.

/// <summary>One RSM's items overlapping one UTC day, with the mailbox's working hours and zone.</summary>
[ImmutableObject(true)]
internal sealed record CachedDay(IReadOnlyList<CachedItem> Items, CachedHours? Hours)
{
    /// <summary><see cref="Items"/> as the core's blocks, in the same order.</summary>
    [JsonIgnore]
    public BusyBlock[] Blocks { get; } = Items.Select(i => i.ToBlock()).ToArray();
}

/// <summary>A schedule item; private items never carry a subject or location here.</summary>
[ImmutableObject(true)]
internal sealed record CachedItem(long StartTicks, long EndTicks, BusyStatus Status, string? Location, string? Subject, bool IsPrivate)
{
    [JsonIgnore]
    public Instant Start => Instant.FromUnixTimeTicks(StartTicks);

    [JsonIgnore]
    public Instant End => Instant.FromUnixTimeTicks(EndTicks);

    public BusyBlock ToBlock() => new(new Interval(Start, End), Status, Location, Subject, IsPrivate);
}

/// <summary>Graph's working hours: one range of local times for all listed days, in the mailbox's zone.</summary>
[ImmutableObject(true)]
internal sealed record CachedHours(IReadOnlyList<IsoDayOfWeek> Days, long StartTickOfDay, long EndTickOfDay, CachedZone? Zone)
{
    /// <summary>The hours, or null when Graph's range cannot be working hours (e.g. ends before it starts).</summary>
    [JsonIgnore]
    public WorkingHours? Resolved { get; } = ToWorkingHours(Days, StartTickOfDay, EndTickOfDay);

    private static WorkingHours? ToWorkingHours(IReadOnlyList<IsoDayOfWeek> days, long startTickOfDay, long endTickOfDay)
    {
        var start = LocalTime.FromTicksSinceMidnight(startTickOfDay);
        var end = LocalTime.FromTicksSinceMidnight(endTickOfDay);
        if (days.Count == 0 || (end <= start && end != LocalTime.Midnight))
        {
            return null;
        }
        return WorkingHours.Uniform(days, start, end);
    }
}

/// <summary>A zone: a resolved IANA id, or a custom zone's rules.</summary>
[ImmutableObject(true)]
internal sealed record CachedZone(string? Id, CustomZoneRules? Custom)
{
    /// <summary>The zone, or null when the id no longer resolves.</summary>
    [JsonIgnore]
    public DateTimeZone? Resolved { get; } = Custom is { } rules ? CustomTimeZones.Build(rules) : TimeZoneIds.TryResolve(Id, out var zone) ? zone : null;
}

/// <summary>
/// Graph's customTimeZone: <c>bias</c> minutes (UTC = local + bias), and optional yearly transitions.
/// <see cref="DaylightBias"/> is added to the bias while daylight time is in force (usually −60).
/// </summary>
[ImmutableObject(true)]
internal sealed record CustomZoneRules(int Bias, ZoneTransitionRule? Standard, ZoneTransitionRule? Daylight, int DaylightBias);

/// <summary>
/// A yearly transition: the <see cref="Occurrence"/>th (5 = last) <see cref="Day"/> of <see cref="Month"/>
/// at <see cref="TimeOfDay"/> local time as it reads before the change (Windows' SYSTEMTIME convention).
/// </summary>
[ImmutableObject(true)]
internal sealed record ZoneTransitionRule(int Month, int Occurrence, IsoDayOfWeek Day, long TimeOfDay);
