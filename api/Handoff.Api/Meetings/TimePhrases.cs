using System.Globalization;
using Handoff.Scheduling.Time;
using NodaTime;
using NodaTime.Text;

namespace Handoff.Api.Meetings;

/// <summary>
/// A party's meeting time in words, in the voice of the warnings ("10:00 AM your time is 7:00 AM for the prospect"),
/// so clients show the server's phrasing and never re-parse <c>localStart</c> with their own clock and locale.
/// </summary>
/// <param name="Start">"7:00 AM".</param>
/// <param name="End">"8:00 AM".</param>
/// <param name="Range">"7:00–8:00 AM"; across midnight "11:30 PM Thursday – 12:30 AM Friday".</param>
/// <param name="Day">"Thu, Dec 3".</param>
/// <param name="LongDay">"Thursday, December 3".</param>
/// <param name="Zone">The zone as said after a time: "Pacific" (from "Pacific Time"), "Berlin" (from "Berlin time").</param>
/// <param name="Said">"7:00 AM Pacific": the start as people say it.</param>
/// <param name="DayShift">"next day" or "day before" when the party's date differs from the organizer's; absent on the same day.</param>
public sealed record TimePhrases(string Start, string End, string Range, string Day, string LongDay, string Zone, string Said, string? DayShift)
{
    internal static readonly LocalDatePattern ShortDay = LocalDatePattern.Create("ddd, MMM d", CultureInfo.InvariantCulture);
    internal static readonly LocalDatePattern FullDay = LocalDatePattern.Create("dddd, MMMM d", CultureInfo.InvariantCulture);

    // The patterns' names, read once: every check phrases each party's day twice (TimePhrasesTests holds them equal).
    private static readonly DateTimeFormatInfo Names = CultureInfo.InvariantCulture.DateTimeFormat;

    /// <param name="organizerDate">The organizer's local date of the same meeting, for <see cref="DayShift"/>.</param>
    public static TimePhrases Of(LocalDateTime start, LocalDateTime end, string zoneName, LocalDate? organizerDate)
    {
        var zone = Spoken(zoneName);
        var time = Formats.Time(start.TimeOfDay);
        var date = start.Date;
        var shift = organizerDate is { } mine ? date.CompareTo(mine) : 0;
        return new TimePhrases(
            time, Formats.Time(end.TimeOfDay), Formats.Range(start.InUtc(), end.InUtc()), // InUtc: same wall clock, for the pattern only
            DayOf(date, Names.AbbreviatedDayNames, Names.AbbreviatedMonthNames), DayOf(date, Names.DayNames, Names.MonthNames), zone, $"{time} {zone}",
            shift > 0 ? "next day" : shift < 0 ? "day before" : null);
    }

    /// <summary><see cref="ShortDay"/> and <see cref="FullDay"/> ("Thu, Dec 3", "Thursday, December 3") from the culture's names.</summary>
    private static string DayOf(LocalDate date, string[] days, string[] months) =>
        string.Concat(days[(int)date.DayOfWeek % 7], ", ", months[date.Month - 1], " ", Digits[date.Day]);

    private static readonly string[] Digits = Enumerable.Range(0, 32).Select(d => d.ToString(CultureInfo.InvariantCulture)).ToArray();

    /// <summary>"Pacific Time" → "Pacific", "Berlin time" → "Berlin"; names that do not end in "time" stay.</summary>
    public static string Spoken(string zoneName) =>
        zoneName.EndsWith(" time", StringComparison.OrdinalIgnoreCase) && zoneName.Length > 5 ? zoneName[..^5].TrimEnd() : zoneName;
}
