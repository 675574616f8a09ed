using System.Collections;
using NodaTime;

namespace Handoff.Scheduling.Calendars;

/// <summary>
/// One UTC day of a calendar read: the items overlapping it (an item that spans midnight is in every day it overlaps).
/// A source may map a day's items on first use, so days nobody looks at cost nothing.
/// </summary>
public interface ICalendarDay
{
    Interval Day { get; }

    IReadOnlyList<BusyBlock> Blocks { get; }
}

/// <summary>
/// A calendar's items over a window, kept as the consecutive days they were read in. A check reads a whole suggestion
/// window (the meeting's day and the ~two weeks a blocked check's suggestions search, so that a blocked check costs
/// one read) but looks at one or two days of it: <see cref="Overlapping"/> touches only the days an interval overlaps,
/// and the whole list is assembled only when something enumerates it (the suggestion search).
/// </summary>
public sealed class DayItems : IReadOnlyList<BusyBlock>
{
    private readonly ICalendarDay[] _days;
    private readonly Interval _window;
    private BusyBlock[]? _all;

    /// <param name="days">Consecutive days, in order, covering <paramref name="window"/>.</param>
    public DayItems(IReadOnlyList<ICalendarDay> days, Interval window)
    {
        _days = days.ToArray();
        _window = window;
    }

    public int Count => All.Length;

    public BusyBlock this[int index] => All[index];

    /// <summary>True once the whole window's items have been assembled (tests).</summary>
    public bool Assembled => Volatile.Read(ref _all) is not null;

    public IEnumerator<BusyBlock> GetEnumerator() => ((IEnumerable<BusyBlock>)All).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private BusyBlock[] All
    {
        get
        {
            var all = Volatile.Read(ref _all);
            if (all is null)
            {
                // Two racing readers may both assemble it; they assemble the same thing.
                all = Collect(0, _days.Length, _window);
                Volatile.Write(ref _all, all);
            }
            return all;
        }
    }

    /// <summary>The items that overlap <paramref name="interval"/>, in order of start; only the days it overlaps are read.</summary>
    public BusyBlock[] Overlapping(Interval interval)
    {
        if (_days.Length == 0)
        {
            return [];
        }
        var from = 0;
        while (from < _days.Length && _days[from].Day.End <= interval.Start)
        {
            from++;
        }
        // An interval after the last day still meets the items that run on past it, which are among that day's.
        from = Math.Min(from, _days.Length - 1);
        // At least the first day: an empty interval still has the items around its instant.
        var to = from + 1;
        while (to < _days.Length && _days[to].Day.Start < interval.End)
        {
            to++;
        }
        return Collect(from, to, interval);
    }

    /// <summary>
    /// The items of days [from, to) that overlap the window and <paramref name="within"/>, each once: an item is taken
    /// from the first of these days or from the day it starts in, and the days are consecutive, so an item spanning
    /// midnight is not repeated, and one that began before the first day is in that day's items.
    /// </summary>
    private BusyBlock[] Collect(int from, int to, Interval within)
    {
        var items = new List<BusyBlock>();
        var sorted = true;
        for (var i = from; i < to; i++)
        {
            var day = _days[i].Day;
            foreach (var block in _days[i].Blocks)
            {
                var interval = block.Interval;
                if ((i == from || interval.Start >= day.Start) && block.Overlaps(_window) && block.Overlaps(within))
                {
                    sorted &= items.Count == 0 || items[^1].Interval.Start <= interval.Start;
                    items.Add(block);
                }
            }
        }
        // A stable sort: items that start together keep the answer's order, whichever days they were collected from.
        return sorted ? items.ToArray() : items.OrderBy(static b => b.Interval.Start).ToArray();
    }
}
