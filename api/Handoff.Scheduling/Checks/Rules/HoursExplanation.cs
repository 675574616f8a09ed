using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Time;
using NodaTime;

namespace Handoff.Scheduling.Checks.Rules;

/// <summary>Says how a meeting misses someone's hours: before, after, runs past the end, or not a working day.</summary>
internal static class HoursExplanation
{
    public static string Why(Interval meeting, DateTimeZone zone, WorkingHours hours, string hoursName, string dayName)
    {
        var start = meeting.Start.InZone(zone);
        if (hours.On(start.DayOfWeek) is not { } day)
        {
            return $"not {dayName}";
        }
        var window = day.On(start.Date, zone);
        var span = $"{Formats.Time(day.Start)}–{(day.EndsAtMidnight ? "midnight" : Formats.Time(day.End))}";
        if (meeting.Start < window.Start)
        {
            return $"before {hoursName} ({span})";
        }
        if (meeting.Start >= window.End)
        {
            return $"after {hoursName} ({span})";
        }
        return $"running past the end of {hoursName} ({span})";
    }
}
