using System.Globalization;
using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Time;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace Handoff.Graph;

/// <summary>Translates Graph's scheduleInformation (as <see cref="GetScheduleJson"/> reads it) into what the cache keeps and the core reads.</summary>
internal static class ScheduleMapping
{
    /// <summary>Graph's local date-times carry 7 fractional digits and no offset: "2025-03-09T10:00:00.0000000".</summary>
    private static readonly LocalDateTimePattern GraphDateTimeText = LocalDateTimePattern.ExtendedIso;

    /// <summary>workingHours' and transitions' times: "08:00:00.0000000" (fractions ignored, as before).</summary>
    private static readonly LocalTimePattern GraphTimeText = LocalTimePattern.ExtendedIso;

    // A busy block errs on the long side: at an ambiguous local time (clocks going back) it starts at the
    // earlier instant and ends at the later one; a skipped time (clocks going forward) moves forward.
    private static readonly ZoneLocalMappingResolver StartResolver = Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnForwardShifted);
    private static readonly ZoneLocalMappingResolver EndResolver = Resolvers.CreateMappingResolver(Resolvers.ReturnLater, Resolvers.ReturnForwardShifted);

    public static IReadOnlyList<CachedItem> Items(IReadOnlyList<ScheduleEntry>? items)
    {
        if (items is null || items.Count == 0)
        {
            return [];
        }
        var mapped = new List<CachedItem>(items.Count);
        foreach (var entry in items)
        {
            var item = Item(entry);
            if (item.EndTicks > item.StartTicks)
            {
                mapped.Add(item);
            }
        }
        return mapped.ToArray();
    }

    private static CachedItem Item(ScheduleEntry item)
    {
        var start = ToInstant(item.Start, StartResolver);
        var end = ToInstant(item.End, EndResolver);
        var isPrivate = item.IsPrivate == true;
        // Privacy: a private item keeps its time and status; what and where stay with the RSM.
        return new CachedItem(
            start.ToUnixTimeTicks(),
            end.ToUnixTimeTicks(),
            Status(item.Status),
            isPrivate ? null : Blank(item.Location),
            isPrivate ? null : Blank(item.Subject),
            isPrivate);
    }

    /// <summary>Graph's freeBusyStatus names; anything else (a value added later, a missing status) is unknown.</summary>
    public static BusyStatus Status(string? status) => status switch
    {
        _ when Is(status, "busy") => BusyStatus.Busy,
        _ when Is(status, "free") => BusyStatus.Free,
        _ when Is(status, "tentative") => BusyStatus.Tentative,
        _ when Is(status, "oof") => BusyStatus.OutOfOffice,
        _ when Is(status, "workingElsewhere") => BusyStatus.WorkingElsewhere,
        _ => BusyStatus.Unknown,
    };

    private static bool Is(string? value, string name) => string.Equals(value, name, StringComparison.OrdinalIgnoreCase);

    /// <summary>A Graph dateTimeTimeZone as an instant. We ask for UTC; other zones Graph may use still resolve.</summary>
    public static Instant ToInstant(GraphDateTime? value, ZoneLocalMappingResolver resolver)
    {
        var local = value?.Local ?? (value?.DateTime is { } text
            ? TryParseGraphLocal(text, out var fast) ? fast : GraphDateTimeText.Parse(text).GetValueOrThrow()
            : throw new FormatException("A schedule item has no start or end time."));
        var zoneName = value!.Value.TimeZone;
        // "UTC" is what we ask for (Prefer: outlook.timezone): no name lookup, and no mapping to resolve.
        if (string.IsNullOrWhiteSpace(zoneName) || zoneName == "UTC")
        {
            return local.InUtc().ToInstant();
        }
        return TimeZoneIds.TryResolve(zoneName, out var zone)
            ? local.InZone(zone, resolver).ToInstant()
            : throw new FormatException($"Unknown time zone '{zoneName}' on a schedule item.");
    }

    /// <summary>
    /// Graph's own layout, "2025-03-09T10:00:00.0000000" (or without the fraction), read digit by digit: a cold read
    /// of 20 mailboxes over the suggestion window has ~4,500 of them. Any other text is left to the ISO pattern, which
    /// reads the same values and says what is wrong with the rest.
    /// </summary>
    internal static bool TryParseGraphLocal(ReadOnlySpan<char> s, out LocalDateTime local)
    {
        local = default;
        if ((s.Length != 19 && s.Length != 27) || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' ||
            (s.Length == 27 && s[19] != '.') ||
            !Digits(s[..4], out var year) || !Digits(s.Slice(5, 2), out var month) || !Digits(s.Slice(8, 2), out var day) ||
            !Digits(s.Slice(11, 2), out var hour) || !Digits(s.Slice(14, 2), out var minute) || !Digits(s.Slice(17, 2), out var second))
        {
            return false;
        }
        var ticks = 0;
        if (s.Length == 27 && !Digits(s[20..], out ticks))
        {
            return false;
        }
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        local = new LocalDateTime(year, month, day, hour, minute, second).PlusTicks(ticks);
        return true;
    }

    /// <summary>Only ASCII digits (no sign, no spaces), as the fixed layout has them.</summary>
    private static bool Digits(ReadOnlySpan<char> s, out int value) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>Working hours and their zone; <paramref name="unknownZone"/> names a zone that could not be resolved.</summary>
    public static CachedHours? Hours(GraphHours? hours, out string? unknownZone)
    {
        unknownZone = null;
        // An unreadable time means no working hours (the rule then has nothing to judge), as a missing one does.
        if (hours is null || TickOfDay(hours.StartTime) is not { } start || TickOfDay(hours.EndTime) is not { } end)
        {
            return null;
        }
        var days = (hours.DaysOfWeek ?? []).Select(IsoDay).OfType<IsoDayOfWeek>().Distinct().Order().ToArray();
        return new CachedHours(days, start, end, Zone(hours.TimeZone, out unknownZone));
    }

    private static CachedZone? Zone(GraphZone? zone, out string? unknown)
    {
        unknown = null;
        switch (zone)
        {
            case null:
                return null;
            case { IsCustom: true } custom:
                return new CachedZone(null, new CustomZoneRules(
                    custom.Bias ?? 0,
                    Transition(custom.StandardOffset),
                    Transition(custom.DaylightOffset),
                    custom.DaylightOffset?.DaylightBias ?? 0));
            default:
                if (TimeZoneIds.TryResolve(zone.Name, out var resolved))
                {
                    return new CachedZone(resolved.Id, null);
                }
                unknown = zone.Name ?? "(no name)";
                return null;
        }
    }

    private static ZoneTransitionRule? Transition(GraphZoneOffset? offset) =>
        offset is { Month: { } month, DayOccurrence: { } occurrence } && IsoDay(offset.DayOfWeek) is { } day
            ? new ZoneTransitionRule(month, occurrence, day, TickOfDay(offset.Time) ?? 0)
            : null;

    /// <summary>Whole seconds of a Graph time of day; null when it is missing or unreadable.</summary>
    private static long? TickOfDay(string? text) =>
        text is not null && GraphTimeText.Parse(text) is { Success: true, Value: var time }
            ? new LocalTime(time.Hour, time.Minute, time.Second).TickOfDay
            : null;

    /// <summary>Graph's dayOfWeek names ("monday"); an unknown name is no day.</summary>
    private static IsoDayOfWeek? IsoDay(string? day) => day?.ToLowerInvariant() switch
    {
        "monday" => IsoDayOfWeek.Monday,
        "tuesday" => IsoDayOfWeek.Tuesday,
        "wednesday" => IsoDayOfWeek.Wednesday,
        "thursday" => IsoDayOfWeek.Thursday,
        "friday" => IsoDayOfWeek.Friday,
        "saturday" => IsoDayOfWeek.Saturday,
        "sunday" => IsoDayOfWeek.Sunday,
        _ => null,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>The part of a schedule the cache keeps for one UTC day: the items overlapping it.</summary>
    public static CachedDay Day(IReadOnlyList<CachedItem> items, CachedHours? hours, Interval day, Instant readAt)
    {
        // Compared as ticks: a read of the suggestion window slices every mailbox's items into ~15 days.
        var start = day.Start.ToUnixTimeTicks();
        var end = day.End.ToUnixTimeTicks();
        var kept = new List<CachedItem>();
        foreach (var item in items)
        {
            if (item.StartTicks < end && start < item.EndTicks)
            {
                kept.Add(item);
            }
        }
        return new(kept.ToArray(), hours, readAt.ToUnixTimeTicks());
    }

    /// <summary>
    /// Consecutive cached days as one calendar over the window, kept by day (<see cref="DayItems"/>): a day's items
    /// become the core's blocks only when a check or the suggestion search looks at that day. An item spanning
    /// midnight is kept in each day it overlaps; the calendar takes it once.
    /// </summary>
    public static RsmCalendar Calendar(IReadOnlyList<(Interval Day, CachedDay Cached)> days, Interval window)
    {
        var byDay = new ICalendarDay[days.Count];
        CachedHours? hours = null;
        for (var i = 0; i < byDay.Length; i++)
        {
            byDay[i] = new ReadDay(days[i].Day, days[i].Cached);
            hours = days[i].Cached.Hours ?? hours;
        }
        return new RsmCalendar(new DayItems(byDay, window), hours?.Resolved, hours?.Zone?.Resolved);
    }
}
