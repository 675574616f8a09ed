using Handoff.Scheduling.Time;
using NodaTime;

namespace Handoff.Scheduling.Checks.Rules;

/// <summary>The building blocks of warning messages, so every rule speaks the same way.</summary>
internal static class Phrases
{
    /// <summary>"10:00 AM your time".</summary>
    public static string YourTime(MeetingDraft draft) => $"{Formats.Time(draft.Meeting.Start.InZone(draft.OrganizerZone))} your time";

    /// <summary>"7:00 AM Thursday" in the zone, with the weekday.</summary>
    public static string LocalWithDay(Instant instant, DateTimeZone zone)
    {
        var local = instant.InZone(zone);
        return $"{Formats.Time(local)} {Formats.Weekday(local.Date)}";
    }

    /// <summary>"9:30–11:00 AM your time (6:30–8:00 AM Pacific Time)"; the second part only when the zones differ.</summary>
    public static string RangeForBoth(Interval interval, DateTimeZone organizer, DateTimeZone other)
    {
        var mine = Formats.Range(interval.Start.InZone(organizer), interval.End.InZone(organizer));
        if (SameClock(organizer, other, interval.Start))
        {
            return $"{mine} your time";
        }
        var theirs = Formats.Range(interval.Start.InZone(other), interval.End.InZone(other));
        return $"{mine} your time ({theirs} {ZoneNames.InParentheses(other)})";
    }

    public static bool SameClock(DateTimeZone a, DateTimeZone b, Instant at) => a.GetUtcOffset(at) == b.GetUtcOffset(at);

    /// <summary>"3 hours", "1 hour", "5 hours 30 minutes".</summary>
    public static string Hours(Offset difference) => Hours(difference.Seconds);

    /// <summary>"3 hours" for a difference in seconds (gaps between zones can exceed what <see cref="Offset"/> holds).</summary>
    public static string Hours(int seconds)
    {
        var minutes = Math.Abs(seconds) / 60;
        var h = minutes / 60;
        var m = minutes % 60;
        var hours = h == 1 ? "1 hour" : $"{h} hours";
        return m == 0 ? hours : h == 0 ? $"{m} minutes" : $"{hours} {m} minutes";
    }
}
