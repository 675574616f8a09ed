using NodaTime;

namespace Handoff.Scheduling.Routing.Modes;

/// <summary>The routing period (day, ISO week, calendar month or quarter) an instant falls in, in the org's zone.</summary>
public static class RoutingPeriods
{
    public static Interval Containing(Instant at, DateTimeZone zone, RoutingPeriod period)
    {
        var date = at.InZone(zone).Date;
        var (start, end) = period switch
        {
            RoutingPeriod.Day => (date, date.PlusDays(1)),
            RoutingPeriod.Week => (date.PlusDays(1 - (int)date.DayOfWeek), date.PlusDays(8 - (int)date.DayOfWeek)),
            RoutingPeriod.Quarter => (new LocalDate(date.Year, (date.Month - 1) / 3 * 3 + 1, 1), new LocalDate(date.Year, (date.Month - 1) / 3 * 3 + 1, 1).PlusMonths(3)),
            _ => (new LocalDate(date.Year, date.Month, 1), new LocalDate(date.Year, date.Month, 1).PlusMonths(1)),
        };
        // AtStartOfDayInZone: a day that starts in a DST gap starts at the first valid instant.
        return new Interval(zone.AtStartOfDay(start).ToInstant(), zone.AtStartOfDay(end).ToInstant());
    }

    /// <summary>"this month's", "this week's", "today's", "this quarter's": the period in a sentence.</summary>
    public static string Possessive(RoutingPeriod period) => period switch
    {
        RoutingPeriod.Day => "today's",
        RoutingPeriod.Week => "this week's",
        RoutingPeriod.Quarter => "this quarter's",
        _ => "this month's",
    };
}
