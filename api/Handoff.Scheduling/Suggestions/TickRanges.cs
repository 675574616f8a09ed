using Handoff.Scheduling.Calendars;
using NodaTime;

namespace Handoff.Scheduling.Suggestions;

/// <summary>A half-open range of instants as Unix ticks (100 ns): the slot search's hot loop compares longs.</summary>
internal readonly record struct TickRange(long Start, long End);

internal static class TickRanges
{
    public static long Ticks(Instant instant) => instant.ToUnixTimeTicks();

    /// <summary>The hours on every local date that touches <paramref name="span"/>, in order (lenient across DST gaps).</summary>
    public static TickRange[] Hours(WorkingHours hours, DateTimeZone zone, Interval span)
    {
        var list = new List<TickRange>();
        var last = span.End.InZone(zone).Date;
        for (var date = span.Start.InZone(zone).Date.PlusDays(-1); date <= last; date = date.PlusDays(1))
        {
            if (hours.On(date.DayOfWeek) is { } day)
            {
                var interval = day.On(date, zone);
                list.Add(new TickRange(Ticks(interval.Start), Ticks(interval.End)));
            }
        }
        return list.ToArray();
    }

    /// <summary>Ranges common to both sorted, disjoint lists.</summary>
    public static TickRange[] Intersect(TickRange[] a, TickRange[] b)
    {
        var result = new List<TickRange>(Math.Min(a.Length, b.Length) + 1);
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            var start = Math.Max(a[i].Start, b[j].Start);
            var end = Math.Min(a[i].End, b[j].End);
            if (start < end)
            {
                result.Add(new TickRange(start, end));
            }
            if (a[i].End < b[j].End)
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return result.ToArray();
    }

    /// <summary>The non-free items as a sorted union of disjoint ranges (overlapping and touching items merged).</summary>
    public static (long[] Starts, long[] Ends) BusyUnion(IReadOnlyList<BusyBlock> items)
    {
        var ranges = new List<TickRange>(items.Count);
        foreach (var item in items)
        {
            if (item.Status != BusyStatus.Free)
            {
                ranges.Add(new TickRange(Ticks(item.Interval.Start), Ticks(item.Interval.End)));
            }
        }
        ranges.Sort(static (x, y) => x.Start.CompareTo(y.Start));
        var starts = new List<long>(ranges.Count);
        var ends = new List<long>(ranges.Count);
        foreach (var r in ranges)
        {
            if (ends.Count > 0 && r.Start <= ends[^1])
            {
                ends[^1] = Math.Max(ends[^1], r.End);
            }
            else
            {
                starts.Add(r.Start);
                ends.Add(r.End);
            }
        }
        return (starts.ToArray(), ends.ToArray());
    }

    /// <summary>Index of the first value ≥ <paramref name="value"/> at or after <paramref name="from"/>.</summary>
    public static int LowerBound(long[] sorted, long value, int from = 0)
    {
        int lo = from, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
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

/// <summary>
/// The candidate start times: every <see cref="Step"/> on the organizer's business dates, aligned to local
/// :00/:30. Local times are mapped explicitly: a time skipped by a DST gap has no slot; an ambiguous one
/// (fall back) takes its first occurrence. Built once per search, so the sweep does no zone arithmetic.
/// </summary>
internal sealed class SlotGrid
{
    public static readonly Duration Step = Duration.FromMinutes(30);

    private SlotGrid(long[] ticks, int[] day, int[] minute)
    {
        Ticks = ticks;
        Day = day;
        Minute = minute;
    }

    public long[] Ticks { get; }

    /// <summary>Index of the business date in the window (0 = first).</summary>
    public int[] Day { get; }

    /// <summary>Minutes since local midnight in the organizer's zone.</summary>
    public int[] Minute { get; }

    public int Count => Ticks.Length;

    public static SlotGrid Build(DateTimeZone zone, IReadOnlyList<LocalDate> dates)
    {
        var perDay = (int)(Duration.FromDays(1) / Step);
        var ticks = new List<long>(dates.Count * perDay);
        var day = new List<int>(dates.Count * perDay);
        var minute = new List<int>(dates.Count * perDay);
        for (var d = 0; d < dates.Count; d++)
        {
            var midnight = dates[d].AtMidnight();
            for (var k = 0; k < perDay; k++)
            {
                var minutes = (int)(k * Step.TotalMinutes);
                var mapping = zone.MapLocal(midnight.PlusMinutes(minutes));
                if (mapping.Count == 0)
                {
                    continue;
                }
                var at = TickRanges.Ticks(mapping.First().ToInstant());
                if (ticks.Count > 0 && at <= ticks[^1])
                {
                    continue;
                }
                ticks.Add(at);
                day.Add(d);
                minute.Add(minutes);
            }
        }
        return new SlotGrid(ticks.ToArray(), day.ToArray(), minute.ToArray());
    }
}
