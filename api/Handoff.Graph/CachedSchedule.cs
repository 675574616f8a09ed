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

/// <summary>
/// One RSM's items overlapping one UTC day, with the mailbox's working hours and zone, and when Graph answered
/// (Unix ticks; 0 in entries written before it was kept).
/// </summary>
[ImmutableObject(true)]
internal sealed record CachedDay(IReadOnlyList<CachedItem> Items, CachedHours? Hours, long ReadAtUnixTicks = 0)
{
    [JsonIgnore]
    public Instant ReadAt => Instant.FromUnixTimeTicks(ReadAtUnixTicks);

    private BusyBlock[]? _blocks;

    /// <summary>
    /// <see cref="Items"/> as the core's blocks, in the same order; made on first use, so the days of a read that no
    /// check looks at (a check reads the whole suggestion window and looks at its meeting's day) are never mapped.
    /// </summary>
    [JsonIgnore]
    public BusyBlock[] Blocks
    {
        get
        {
            // Two racing readers may both map it; they map the same thing.
            var blocks = Volatile.Read(ref _blocks);
            if (blocks is null)
            {
                blocks = new BusyBlock[Items.Count];
                for (var i = 0; i < blocks.Length; i++)
                {
                    blocks[i] = Items[i].ToBlock();
                }
                Volatile.Write(ref _blocks, blocks);
            }
            return blocks;
        }
    }

    /// <summary>Whether <see cref="Blocks"/> have been made (tests).</summary>
    internal bool Mapped => Volatile.Read(ref _blocks) is not null;
}

/// <summary>A cached day as one day of a calendar the core reads (<see cref="DayItems"/>).</summary>
internal sealed class ReadDay(Interval day, CachedDay cached) : ICalendarDay
{
    public Interval Day { get; } = day;

    public IReadOnlyList<BusyBlock> Blocks => cached.Blocks;
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
