using Handoff.Scheduling.Places;
using Handoff.Scheduling.Travel;
using NodaTime;

namespace Handoff.Scheduling.Calendars;

/// <summary>
/// What a calendar source knows of one RSM over a window: items, and the mailbox's working hours and zone.
/// The work that depends only on the read (the in-person stops, sorted, their places resolved) is done once per
/// calendar and kept with it, so a source that caches calendars caches it too, and a check and the suggestion search
/// that share a read share it.
/// </summary>
public sealed record RsmCalendar(IReadOnlyList<BusyBlock> Items, WorkingHours? WorkingHours = null, DateTimeZone? Zone = null)
{
    private Derived? _derived;
    private Part? _part;
    private ByStart? _byStart;

    public static RsmCalendar Empty { get; } = new([]);

    /// <summary>The in-person stops of <see cref="Items"/>, placed by <paramref name="places"/>; built on first use.</summary>
    public Itinerary ItineraryWith(IPlaceResolver places)
    {
        var derived = Volatile.Read(ref _derived);
        if (derived is null || !ReferenceEquals(derived.Items, Items) || !ReferenceEquals(derived.Places, places))
        {
            // Two racing readers may both build it; they build the same thing.
            derived = new Derived(Items, places, Itinerary.Build(Items, places));
            Volatile.Write(ref _derived, derived);
        }
        return derived.Itinerary;
    }

    /// <summary>
    /// The stops that an itinerary of <see cref="Items"/> would answer "last ending by" and "first starting from" with,
    /// for queries bounded by <paramref name="span"/> (the RSM's local day of a meeting): the stops of the items that
    /// overlap it, places resolved. A calendar kept by day (<see cref="DayItems"/>) maps and places only the days of
    /// the span, so a check does not resolve two weeks of locations it reads only in case its suggestions need them;
    /// once the whole itinerary exists (the suggestion search built it) it answers for any span.
    /// </summary>
    public Itinerary ItineraryOver(Interval span, IPlaceResolver places)
    {
        var derived = Volatile.Read(ref _derived);
        if (Items is not DayItems || (derived is not null && ReferenceEquals(derived.Items, Items) && ReferenceEquals(derived.Places, places)))
        {
            return ItineraryWith(places);
        }
        var part = Volatile.Read(ref _part);
        if (part is null || part.Span != span || !ReferenceEquals(part.Places, places))
        {
            // The checks that share this calendar mostly ask for the same day (its window starts on the meeting's day).
            part = new Part(span, places, Itinerary.Build(Overlapping(span).ToArray(), places));
            Volatile.Write(ref _part, part);
        }
        return part.Itinerary;
    }

    /// <summary>
    /// The items that overlap <paramref name="interval"/>, in order of start: only the days it overlaps when the calendar
    /// is kept by day (<see cref="DayItems"/>), otherwise a binary search over the items sorted once
    /// per calendar, so a check looks at the meeting's day, not the whole window read.
    /// </summary>
    public IEnumerable<BusyBlock> Overlapping(Interval interval)
    {
        if (Items is DayItems byDay)
        {
            return byDay.Overlapping(interval);
        }
        var index = Volatile.Read(ref _byStart);
        if (index is null || !ReferenceEquals(index.Items, Items))
        {
            var sorted = Items.OrderBy(i => i.Interval.Start).ToArray();
            var longest = sorted.Length == 0 ? Duration.Zero : sorted.Max(i => i.Interval.Duration);
            index = new ByStart(Items, sorted, longest);
            Volatile.Write(ref _byStart, index);
        }
        return index.Overlapping(interval);
    }

    public bool Equals(RsmCalendar? other) =>
        other is not null && ReferenceEquals(Items, other.Items) && Equals(WorkingHours, other.WorkingHours) && Equals(Zone, other.Zone);

    public override int GetHashCode() => HashCode.Combine(Items, WorkingHours, Zone);

    private sealed record Derived(IReadOnlyList<BusyBlock> Items, IPlaceResolver Places, Itinerary Itinerary);

    private sealed record Part(Interval Span, IPlaceResolver Places, Itinerary Itinerary);

    private sealed record ByStart(IReadOnlyList<BusyBlock> Items, BusyBlock[] Sorted, Duration Longest)
    {
        public IEnumerable<BusyBlock> Overlapping(Interval interval)
        {
            // An item overlaps when it starts before the end and ends after the start; none is longer than Longest.
            var from = interval.Start - Longest;
            int lo = 0, hi = Sorted.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (Sorted[mid].Interval.Start < from) { lo = mid + 1; } else { hi = mid; }
            }
            for (var i = lo; i < Sorted.Length && Sorted[i].Interval.Start < interval.End; i++)
            {
                if (Sorted[i].Overlaps(interval))
                {
                    yield return Sorted[i];
                }
            }
        }
    }
}

/// <summary>The answer for one RSM: a calendar, or why it could not be read.</summary>
public sealed record CalendarLookup(string Email, RsmCalendar? Calendar, CalendarProblem? Problem)
{
    public static CalendarLookup Found(string email, RsmCalendar calendar) => new(email, calendar, null);

    public static CalendarLookup Failed(string email, CalendarProblem problem) => new(email, null, problem);
}

/// <summary>
/// Why a calendar could not be read. <see cref="Outage"/> means the calendar service itself failed
/// (throttled, down, timed out, refused); otherwise only this mailbox failed (e.g. unknown address).
/// </summary>
public sealed record CalendarProblem(string Reason, bool Outage);
