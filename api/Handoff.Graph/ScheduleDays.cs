using System.Globalization;
using NodaTime;

namespace Handoff.Graph;

/// <summary>How the reader slices calendars: whole UTC days, cached per viewer, RSM and day.</summary>
internal static class ScheduleDays
{
    /// <summary>The UTC days the window touches; the core asks for whole days so neighbouring checks share entries.</summary>
    internal static IReadOnlyList<Interval> UtcDays(Interval window)
    {
        var days = new List<Interval>();
        var date = window.Start.InUtc().Date;
        for (var start = date.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(); start < window.End; start += Duration.FromDays(1))
        {
            days.Add(new Interval(start, start + Duration.FromDays(1)));
        }
        return days;
    }

    /// <summary>
    /// Per viewer (the calling mailbox), RSM and UTC day: subjects and locations come back as each RSM's sharing
    /// allows for the caller, so one SDR's view must never answer another's check.
    /// </summary>
    public static string Key(string viewer, string email, Interval day) => Key(Prefix(viewer, email), day);

    /// <summary>The part of the keys shared by one viewer's and RSM's days (a check builds it once per RSM, not per day).</summary>
    public static string Prefix(string viewer, string email) =>
        $"handoff:graph:schedule:v2:{viewer.ToLowerInvariant()}:{email.ToLowerInvariant()}:";

    /// <summary>The prefix and the ISO date of the UTC day ("2026-12-04"), written straight into one string.</summary>
    public static string Key(string prefix, Interval day)
    {
        var date = day.Start.InUtc().Date;
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{date.Year:D4}-{date.Month:D2}-{date.Day:D2}");
    }
}
