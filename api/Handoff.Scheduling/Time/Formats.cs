using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Handoff.Scheduling.Time;

/// <summary>How times read in messages: "10:00 AM", "Thursday", "-08:00".</summary>
public static class Formats
{
    private static readonly LocalTimePattern Clock = LocalTimePattern.Create("h:mm tt", CultureInfo.InvariantCulture);
    private static readonly LocalDateTimePattern Iso = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss");
    private static readonly OffsetPattern OffsetIso = OffsetPattern.CreateWithInvariantCulture("+HH:mm");

    public static string Time(LocalTime time) => Clock.Format(time);

    public static string Time(ZonedDateTime at) => Clock.Format(at.TimeOfDay);

    public static string Weekday(IsoDayOfWeek day) => day.ToString();

    public static string Weekday(LocalDate date) => date.DayOfWeek.ToString();

    public static string LocalIso(LocalDateTime value) => Iso.Format(value);

    public static string Offset(Offset offset) => OffsetIso.Format(offset);

    /// <summary>"1 h 30 min", "45 min", "2 h".</summary>
    public static string Span(Duration duration)
    {
        var minutes = (long)Math.Round(duration.TotalMinutes);
        var h = minutes / 60;
        var m = minutes % 60;
        return (h, m) switch
        {
            (0, _) => $"{m} min",
            (_, 0) => $"{h} h",
            _ => $"{h} h {m} min",
        };
    }

    /// <summary>"9:30–10:30 AM" style range in one zone.</summary>
    public static string Range(ZonedDateTime start, ZonedDateTime end)
    {
        var s = Time(start);
        var e = Time(end);
        if (start.Date != end.Date)
        {
            return $"{s} {Weekday(start.Date)} – {e} {Weekday(end.Date)}";
        }
        var sameHalf = s.EndsWith(e[^2..], StringComparison.Ordinal);
        return sameHalf ? $"{s[..^3]}–{e}" : $"{s}–{e}";
    }
}
