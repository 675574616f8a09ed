using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Places;
using NodaTime;

namespace Handoff.Scheduling.Travel;

/// <summary>
/// A calendar item the RSM attends in person somewhere: <see cref="Where"/> is a place, or
/// <see cref="LocationKind.Unknown"/> when its text cannot be placed or the item is private.
/// </summary>
public sealed class Stop(BusyBlock item, LocationMatch where)
{
    public BusyBlock Item { get; } = item;

    public LocationMatch Where { get; } = where;

    public Interval Interval => Item.Interval;

    public Place? Place => Where.Place;

    public bool IsPrivate => Item.IsPrivate;

    /// <summary>"“Plant visit”", or "the appointment" when the subject is not shared.</summary>
    public string Describe() => !IsPrivate && Item.Subject is { Length: > 0 } subject ? $"“{subject}”" : IsPrivate ? "a private appointment" : "the appointment";
}

/// <summary>
/// The in-person stops of one RSM's calendar, sorted for "the last stop before" and "the first stop after"
/// queries. Online items, items without a location, free time and out-of-office are not stops: they do not
/// move the RSM. Built once per RSM per request.
/// </summary>
public sealed class Itinerary
{
    private readonly Stop[] _byEnd;
    private readonly Stop[] _byStart;

    private Itinerary(Stop[] stops)
    {
        _byStart = stops;
        Array.Sort(_byStart, (a, b) => Compare(a.Interval.Start, b.Interval.Start, a, b));
        _byEnd = (Stop[])stops.Clone();
        // "The last stop ending by" takes the last of the stops that end together, so there the order is reversed.
        Array.Sort(_byEnd, (a, b) => Compare(a.Interval.End, b.Interval.End, b, a));
    }

    /// <summary>
    /// A total order on what a trip depends on (the instant, then the place), never on the order the calendar listed
    /// the items: Array.Sort is unstable, so with ties on the instant alone the slot sweep and the travel rule, which
    /// build their itineraries from differently ordered item lists, could pick different stops as "the next stop"
    /// (a private one that is not checked in one, a placed one that blocks in the other). Among stops at the same
    /// instant the placed one is the one taken (first by start, last by end): it is the one whose trip can be judged,
    /// so a private appointment ending as a far-away plant visit ends does not hide that trip.
    /// </summary>
    /// <param name="a">The stop at <paramref name="x"/>, or the other one to reverse the order of ties.</param>
    private static int Compare(Instant x, Instant y, Stop a, Stop b)
    {
        var byTime = x.CompareTo(y);
        if (byTime != 0)
        {
            return byTime;
        }
        var placedFirst = (a.Place is null).CompareTo(b.Place is null);
        return placedFirst != 0 ? placedFirst : string.CompareOrdinal(a.Where.Text, b.Where.Text);
    }

    public static Itinerary Empty { get; } = new([]);

    /// <summary>Stops sorted by end.</summary>
    public IReadOnlyList<Stop> ByEnd => _byEnd;

    /// <summary>Stops sorted by start.</summary>
    public IReadOnlyList<Stop> ByStart => _byStart;

    /// <param name="places">Resolves item locations; null treats every located item as unplaceable.</param>
    public static Itinerary Build(IReadOnlyList<BusyBlock> items, IPlaceResolver? places)
    {
        var stops = new List<Stop>();
        // Calendars repeat the same sites: each distinct text is resolved once.
        var seen = places is null ? null : new Dictionary<string, LocationMatch>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item.Status is BusyStatus.Free or BusyStatus.OutOfOffice)
            {
                continue;
            }
            if (item.IsPrivate)
            {
                // Its location must not be used or shown; the RSM may still be somewhere else.
                stops.Add(new Stop(item, new LocationMatch(LocationKind.Unknown, null)));
                continue;
            }
            if (string.IsNullOrWhiteSpace(item.Location))
            {
                continue;
            }
            var where = seen is null ? new LocationMatch(LocationKind.Unknown, item.Location)
                : seen.TryGetValue(item.Location, out var known) ? known
                : seen[item.Location] = places!.Resolve(item.Location);
            if (where.Kind is LocationKind.Place or LocationKind.Unknown)
            {
                stops.Add(new Stop(item, where));
            }
        }
        return stops.Count == 0 ? Empty : new Itinerary(stops.ToArray());
    }

    /// <summary>The stop that ends last at or before <paramref name="at"/>, if it ends after <paramref name="notBefore"/>.</summary>
    public Stop? LastEndingBy(Instant at, Instant notBefore)
    {
        var i = LastIndexEndingBy(at);
        return i >= 0 && _byEnd[i].Interval.End > notBefore ? _byEnd[i] : null;
    }

    /// <summary>The stop that starts first at or after <paramref name="at"/>, if it starts before <paramref name="before"/>.</summary>
    public Stop? FirstStartingFrom(Instant at, Instant before)
    {
        var i = FirstIndexStartingFrom(at);
        return i < _byStart.Length && _byStart[i].Interval.Start < before ? _byStart[i] : null;
    }

    /// <summary>Index in <see cref="ByEnd"/> of the last stop with End ≤ at; -1 when none.</summary>
    public int LastIndexEndingBy(Instant at)
    {
        int lo = 0, hi = _byEnd.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_byEnd[mid].Interval.End <= at)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return found;
    }

    /// <summary>Index in <see cref="ByStart"/> of the first stop with Start ≥ at; Count when none.</summary>
    public int FirstIndexStartingFrom(Instant at)
    {
        int lo = 0, hi = _byStart.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_byStart[mid].Interval.Start < at)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }
}
