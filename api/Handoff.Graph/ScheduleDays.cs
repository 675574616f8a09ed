using NodaTime;
using NodaTime.Text;

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
    public static string Key(string viewer, string email, Interval day) =>
        $"handoff:graph:schedule:v2:{viewer.ToLowerInvariant()}:{email.ToLowerInvariant()}:{LocalDatePattern.Iso.Format(day.Start.InUtc().Date)}";
}
