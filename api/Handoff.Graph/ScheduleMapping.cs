using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Time;
using Microsoft.Graph.Models;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;
using GraphWorkingHours = Microsoft.Graph.Models.WorkingHours;

namespace Handoff.Graph;

/// <summary>Translates Graph's scheduleInformation into what the cache keeps and the core reads.</summary>
internal static class ScheduleMapping
{
    /// <summary>Graph's local date-times carry 7 fractional digits and no offset: "2025-03-09T10:00:00.0000000".</summary>
    private static readonly LocalDateTimePattern GraphDateTime = LocalDateTimePattern.ExtendedIso;

    // A busy block errs on the long side: at an ambiguous local time (clocks going back) it starts at the
    // earlier instant and ends at the later one; a skipped time (clocks going forward) moves forward.
    private static readonly ZoneLocalMappingResolver StartResolver = Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnForwardShifted);
    private static readonly ZoneLocalMappingResolver EndResolver = Resolvers.CreateMappingResolver(Resolvers.ReturnLater, Resolvers.ReturnForwardShifted);

    public static IReadOnlyList<CachedItem> Items(IEnumerable<ScheduleItem>? items) =>
        (items ?? []).Select(Item).Where(i => i.EndTicks > i.StartTicks).ToArray();

    private static CachedItem Item(ScheduleItem item)
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

    public static BusyStatus Status(FreeBusyStatus? status) => status switch
    {
        FreeBusyStatus.Free => BusyStatus.Free,
        FreeBusyStatus.Tentative => BusyStatus.Tentative,
        FreeBusyStatus.Busy => BusyStatus.Busy,
        FreeBusyStatus.Oof => BusyStatus.OutOfOffice,
        FreeBusyStatus.WorkingElsewhere => BusyStatus.WorkingElsewhere,
        _ => BusyStatus.Unknown,
    };

    /// <summary>A Graph dateTimeTimeZone as an instant. We ask for UTC; other zones Graph may use still resolve.</summary>
    public static Instant ToInstant(DateTimeTimeZone? value, ZoneLocalMappingResolver resolver)
    {
        if (value?.DateTime is not { } text)
        {
            throw new FormatException("A schedule item has no start or end time.");
        }
        var local = GraphDateTime.Parse(text).GetValueOrThrow();
        var zone = string.IsNullOrWhiteSpace(value.TimeZone)
            ? DateTimeZone.Utc
            : TimeZoneIds.TryResolve(value.TimeZone, out var resolved)
                ? resolved
                : throw new FormatException($"Unknown time zone '{value.TimeZone}' on a schedule item.");
        return local.InZone(zone, resolver).ToInstant();
    }

    /// <summary>Working hours and their zone; <paramref name="unknownZone"/> names a zone that could not be resolved.</summary>
    public static CachedHours? Hours(GraphWorkingHours? hours, out string? unknownZone)
    {
        unknownZone = null;
        if (hours is null || hours.StartTime is not { } start || hours.EndTime is not { } end)
        {
            return null;
        }
        var days = (hours.DaysOfWeek ?? []).OfType<DayOfWeekObject>().Select(IsoDay).Distinct().Order().ToArray();
        return new CachedHours(days, TickOfDay(start), TickOfDay(end), Zone(hours.TimeZone, out unknownZone));
    }

    private static CachedZone? Zone(TimeZoneBase? zone, out string? unknown)
    {
        unknown = null;
        switch (zone)
        {
            case null:
                return null;
            case CustomTimeZone custom:
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

    private static ZoneTransitionRule? Transition(StandardTimeZoneOffset? offset) =>
        offset is { Month: { } month, DayOccurrence: { } occurrence, DayOfWeek: { } day }
            ? new ZoneTransitionRule(month, occurrence, IsoDay(day), offset.Time is { } time ? TickOfDay(time) : 0)
            : null;

    private static long TickOfDay(Microsoft.Kiota.Abstractions.Time time) =>
        new LocalTime(time.Hour, time.Minute, time.Second).TickOfDay;

    private static IsoDayOfWeek IsoDay(DayOfWeekObject day) => day switch
    {
        DayOfWeekObject.Monday => IsoDayOfWeek.Monday,
        DayOfWeekObject.Tuesday => IsoDayOfWeek.Tuesday,
        DayOfWeekObject.Wednesday => IsoDayOfWeek.Wednesday,
        DayOfWeekObject.Thursday => IsoDayOfWeek.Thursday,
        DayOfWeekObject.Friday => IsoDayOfWeek.Friday,
        DayOfWeekObject.Saturday => IsoDayOfWeek.Saturday,
        _ => IsoDayOfWeek.Sunday,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>The part of a schedule the cache keeps for one UTC day: the items overlapping it.</summary>
    public static CachedDay Day(IReadOnlyList<CachedItem> items, CachedHours? hours, Interval day) =>
        new(items.Where(i => i.Start < day.End && day.Start < i.End).ToArray(), hours);

    /// <summary>
    /// Reassembles consecutive cached days into one calendar over the window. An item spanning midnight is
    /// kept in each day it overlaps, so it is taken from the first day of the window or the day it starts in.
    /// </summary>
    public static RsmCalendar Calendar(IReadOnlyList<(Interval Day, CachedDay Cached)> days, Interval window)
    {
        var items = new List<BusyBlock>();
        for (var i = 0; i < days.Count; i++)
        {
            var (day, cached) = days[i];
            items.AddRange(cached.Items
                .Where(item => (i == 0 || item.Start >= day.Start) && item.Start < window.End && window.Start < item.End)
                .Select(item => item.ToBlock()));
        }
        items.Sort((a, b) => a.Interval.Start.CompareTo(b.Interval.Start));
        var hours = days.Select(d => d.Cached.Hours).LastOrDefault(h => h is not null);
        return new RsmCalendar(items, hours?.ToWorkingHours(), hours?.Zone?.ToZone());
    }
}
