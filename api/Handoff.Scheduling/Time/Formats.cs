using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Handoff.Scheduling.Time;

/// <summary>
/// How times read in messages: "10:00 AM", "Thursday", "-08:00". The patterns below define the text; the common
/// shapes are written straight into the string (every check formats a dozen times per party, and NodaTime's pattern
/// engine builds a StringBuilder each time), and <c>FormatsTests</c> holds them to the patterns.
/// </summary>
public static class Formats
{
    internal static readonly LocalTimePattern Clock = LocalTimePattern.Create("h:mm tt", CultureInfo.InvariantCulture);
    internal static readonly LocalDateTimePattern Iso = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss");
    internal static readonly OffsetPattern OffsetIso = OffsetPattern.CreateWithInvariantCulture("+HH:mm");

    private static readonly string[] Weekdays = Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None).Select(d => d.ToString()).ToArray();

    /// <summary>"h:mm tt": "7:05 AM", "12:00 PM".</summary>
    public static string Time(LocalTime time) => string.Create(time.ClockHourOfHalfDay >= 10 ? 8 : 7, time, static (span, t) =>
    {
        var hour = t.ClockHourOfHalfDay;
        var i = 0;
        if (hour >= 10)
        {
            span[i++] = '1';
        }
        span[i++] = (char)('0' + hour % 10);
        span[i++] = ':';
        span[i++] = (char)('0' + t.Minute / 10);
        span[i++] = (char)('0' + t.Minute % 10);
        span[i++] = ' ';
        span[i++] = t.Hour < 12 ? 'A' : 'P';
        span[i] = 'M';
    });

    public static string Time(ZonedDateTime at) => Time(at.TimeOfDay);

    public static string Weekday(IsoDayOfWeek day) => day is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Sunday ? Weekdays[(int)day - 1] : day.ToString();

    public static string Weekday(LocalDate date) => Weekday(date.DayOfWeek);

    /// <summary>"uuuu-MM-ddTHH:mm:ss" (years outside 0–9999 go through the pattern).</summary>
    public static string LocalIso(LocalDateTime value) => value.Year is < 0 or > 9999 ? Iso.Format(value) : string.Create(19, value, static (span, v) =>
    {
        Digits(span[..4], v.Year);
        span[4] = '-';
        Digits(span.Slice(5, 2), v.Month);
        span[7] = '-';
        Digits(span.Slice(8, 2), v.Day);
        span[10] = 'T';
        Digits(span.Slice(11, 2), v.Hour);
        span[13] = ':';
        Digits(span.Slice(14, 2), v.Minute);
        span[16] = ':';
        Digits(span.Slice(17, 2), v.Second);
    });

    /// <summary>"+HH:mm" (offsets with seconds go through the pattern).</summary>
    public static string Offset(Offset offset)
    {
        var seconds = offset.Seconds;
        if (seconds % 60 != 0)
        {
            return OffsetIso.Format(offset);
        }
        return string.Create(6, seconds, static (span, s) =>
        {
            span[0] = s < 0 ? '-' : '+';
            var minutes = Math.Abs(s) / 60;
            Digits(span.Slice(1, 2), minutes / 60);
            span[3] = ':';
            Digits(span.Slice(4, 2), minutes % 60);
        });
    }

    private static void Digits(Span<char> span, int value)
    {
        for (var i = span.Length - 1; i >= 0; i--, value /= 10)
        {
            span[i] = (char)('0' + value % 10);
        }
    }

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
