using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Travel;
using NodaTime;

namespace Handoff.Scheduling.Field;

/// <summary>
/// One RSM's calendar over a range of days, as the field reports need it: the zone their days are counted in,
/// their working hours, every item, and the in-person stops with places.
/// </summary>
public sealed record RsmCalendarView(RsmProfile Rsm, DateTimeZone Zone, WorkingHours Hours, IReadOnlyList<BusyBlock> Items, Itinerary Itinerary)
{
    public static RsmCalendarView Build(RsmProfile rsm, DateTimeZone zone, WorkingHours hours, IReadOnlyList<BusyBlock> items, IPlaceResolver places) =>
        new(rsm, zone, hours, items, Itinerary.Build(items, places));

    /// <summary>The located in-person stops that start on <paramref name="date"/> in the RSM's zone (private ones excluded: no location).</summary>
    public IEnumerable<Stop> LocatedStopsOn(LocalDate date)
    {
        var start = Zone.AtStartOfDay(date).ToInstant();
        var end = Zone.AtStartOfDay(date.PlusDays(1)).ToInstant();
        var i = Itinerary.FirstIndexStartingFrom(start);
        for (; i < Itinerary.ByStart.Count && Itinerary.ByStart[i].Interval.Start < end; i++)
        {
            if (Itinerary.ByStart[i].Place is not null)
            {
                yield return Itinerary.ByStart[i];
            }
        }
    }

    /// <summary>
    /// Working time on <paramref name="date"/> not covered by any item other than Free (busy, tentative, out of office
    /// and working elsewhere all take time): what an SDR could still book. Counted in the RSM's zone, so a DST day or
    /// an item stored in UTC lands where the RSM lives it.
    /// </summary>
    public Duration OpenTimeOn(LocalDate date) => OpenIntervalsOn(date).Aggregate(Duration.Zero, (sum, i) => sum + i.Duration);

    public IReadOnlyList<Interval> OpenIntervalsOn(LocalDate date)
    {
        if (Hours.On(date.DayOfWeek) is not { } day)
        {
            return [];
        }
        var work = day.On(date, Zone);
        var busy = Items.Where(i => i.Status != BusyStatus.Free && i.Overlaps(work))
            .Select(i => i.Interval).OrderBy(i => i.Start).ToArray();
        var open = new List<Interval>();
        var cursor = work.Start;
        foreach (var b in busy)
        {
            if (b.Start > cursor)
            {
                open.Add(new Interval(cursor, Instant.Min(b.Start, work.End)));
            }
            if (b.End > cursor)
            {
                cursor = b.End;
            }
            if (cursor >= work.End)
            {
                break;
            }
        }
        if (cursor < work.End)
        {
            open.Add(new Interval(cursor, work.End));
        }
        return open;
    }
}
