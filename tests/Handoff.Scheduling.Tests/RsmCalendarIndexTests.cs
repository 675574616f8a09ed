using Handoff.Scheduling.Calendars;
using NodaTime;

namespace Handoff.Scheduling.Tests;

/// <summary>The calendar's start index finds exactly the items a full scan finds (seeded random calendars and intervals).</summary>
public class RsmCalendarIndexTests
{
    [Test]
    public void Overlapping_FindsWhatAScanFinds()
    {
        var random = new Random(16);
        var origin = Instant.FromUtc(2026, 4, 13, 0, 0);
        for (var n = 0; n < 200; n++)
        {
            var items = Enumerable.Range(0, random.Next(0, 40)).Select(_ =>
            {
                var start = origin + Duration.FromMinutes(15 * random.Next(0, 14 * 96));
                return new BusyBlock(new Interval(start, start + Duration.FromMinutes(15 * random.Next(1, random.Next(2) == 0 ? 8 : 400))), BusyStatus.Busy);
            }).ToArray();
            var calendar = new RsmCalendar(items);
            var from = origin + Duration.FromMinutes(15 * random.Next(0, 14 * 96));
            var interval = new Interval(from, from + Duration.FromMinutes(15 * random.Next(1, 12)));

            Assert.That(calendar.Overlapping(interval), Is.EquivalentTo(items.Where(i => i.Overlaps(interval))), $"case {n}");
        }
    }
}
