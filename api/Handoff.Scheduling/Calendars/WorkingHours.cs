using NodaTime;

namespace Handoff.Scheduling.Calendars;

/// <summary>A working day's hours in local time. <see cref="End"/> of midnight means the end of the day.</summary>
public readonly record struct DailyHours(LocalTime Start, LocalTime End)
{
    public bool EndsAtMidnight => End == LocalTime.Midnight;

    /// <summary>The hours on a given date, as instants in the zone (lenient across DST gaps).</summary>
    public Interval On(LocalDate date, DateTimeZone zone)
    {
        var start = zone.AtLeniently(date + Start).ToInstant();
        var end = EndsAtMidnight
            ? zone.AtStartOfDay(date.PlusDays(1)).ToInstant()
            : zone.AtLeniently(date + End).ToInstant();
        return new Interval(start, end);
    }

    public override string ToString() => $"{Start:HH:mm}–{(EndsAtMidnight ? "24:00" : End.ToString("HH:mm", null))}";
}

/// <summary>Hours per weekday; a weekday that is absent is not a working day.</summary>
public sealed class WorkingHours
{
    private readonly DailyHours?[] _days = new DailyHours?[8];

    public WorkingHours(IEnumerable<KeyValuePair<IsoDayOfWeek, DailyHours>> days)
    {
        foreach (var (day, hours) in days)
        {
            if (!hours.EndsAtMidnight && hours.End <= hours.Start)
            {
                throw new ArgumentException($"Working hours on {day} end before they start ({hours}).", nameof(days));
            }
            _days[(int)day] = hours;
        }
    }

    /// <summary>The same hours on each of the given weekdays (Graph's shape).</summary>
    public static WorkingHours Uniform(IEnumerable<IsoDayOfWeek> days, LocalTime start, LocalTime end) =>
        new(days.Select(d => KeyValuePair.Create(d, new DailyHours(start, end))));

    /// <summary>Monday to Friday, the given hours.</summary>
    public static WorkingHours Weekdays(LocalTime start, LocalTime end) =>
        Uniform([IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday], start, end);

    /// <summary>Monday to Friday, 08:00–18:00: the default business hours of a prospect.</summary>
    public static WorkingHours DefaultBusinessHours { get; } = Weekdays(new LocalTime(8, 0), new LocalTime(18, 0));

    public DailyHours? On(IsoDayOfWeek day) => _days[(int)day];

    public IEnumerable<KeyValuePair<IsoDayOfWeek, DailyHours>> Days =>
        Enumerable.Range(1, 7).Where(i => _days[i] is not null).Select(i => KeyValuePair.Create((IsoDayOfWeek)i, _days[i]!.Value));

    /// <summary>True when the whole interval lies within one working day's hours in the zone.</summary>
    public bool Contains(Interval meeting, DateTimeZone zone)
    {
        var localStart = meeting.Start.InZone(zone).Date;
        return On(localStart.DayOfWeek) is { } hours && Covers(hours.On(localStart, zone), meeting);
    }

    private static bool Covers(Interval outer, Interval inner) => outer.Start <= inner.Start && inner.End <= outer.End;
}
