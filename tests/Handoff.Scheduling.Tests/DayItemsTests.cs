using Handoff.Scheduling.Calendars;
using NodaTime;

namespace Handoff.Scheduling.Tests;

/// <summary>
/// A calendar kept by day gives the items the eager assembly gave (every day's items over the window, an item that
/// spans midnight once, in order of start), and an interval's items from its own days alone.
/// </summary>
public class DayItemsTests
{
    private static readonly Instant Origin = Instant.FromUtc(2026, 12, 7, 0, 0);

    private sealed record ReadDay(Interval Day, BusyBlock[] Items) : ICalendarDay
    {
        public IReadOnlyList<BusyBlock> Blocks => Items;
    }

    [Test]
    public void ByDay_IsTheEagerAssembly_AndEachIntervalItsDays([Range(1, 50)] int seed)
    {
        var random = new Random(seed);
        var items = new List<BusyBlock>();
        for (var i = 0; i < random.Next(0, 80); i++)
        {
            // Quarter-hour starts make ties; some items last days, some start before the window.
            var start = Origin + Duration.FromMinutes(15 * random.Next(-200, 10 * 96));
            var length = random.Next(8) == 0 ? Duration.FromHours(random.Next(1, 60)) : Duration.FromMinutes(15 * random.Next(1, 12));
            items.Add(new BusyBlock(new Interval(start, start + length), BusyStatus.Busy, Subject: $"item {i}"));
        }
        var dayCount = random.Next(1, 10);
        var days = Enumerable.Range(0, dayCount)
            .Select(d => new Interval(Origin + Duration.FromDays(d), Origin + Duration.FromDays(d + 1)))
            .Select(d => new ReadDay(d, items.Where(i => i.Overlaps(d)).ToArray()))
            .ToArray();
        // The window may start or end inside a day, as a check's does not, but nothing forbids it.
        var window = new Interval(Origin + Duration.FromHours(random.Next(0, 12)), Origin + Duration.FromDays(dayCount) - Duration.FromHours(random.Next(0, 12)));

        var byDay = new DayItems(days, window);
        for (var q = 0; q < 20; q++)
        {
            var from = Origin + Duration.FromMinutes(15 * random.Next(-100, dayCount * 96 + 100));
            var interval = new Interval(from, from + Duration.FromMinutes(15 * random.Next(0, 300)));
            var expected = Eager(days, window).Where(b => b.Overlaps(interval)).ToArray();
            Assert.That(byDay.Overlapping(interval), Is.EqualTo(expected).AsCollection, $"interval {interval}");
        }
        Assert.That(byDay.Assembled, Is.False, "intervals never assemble the whole list");
        Assert.That(byDay.ToArray(), Is.EqualTo(Eager(days, window)).AsCollection);
        Assert.That(byDay.Assembled, Is.True);
    }

    /// <summary>The definition: every day's items in turn, each taken from the window's first day or the day it starts in.</summary>
    private static BusyBlock[] Eager(ReadDay[] days, Interval window) =>
        days.SelectMany((day, i) => day.Items.Where(b => (i == 0 || b.Interval.Start >= day.Day.Start) && b.Overlaps(window)))
            .OrderBy(b => b.Interval.Start)
            .ToArray();
}
