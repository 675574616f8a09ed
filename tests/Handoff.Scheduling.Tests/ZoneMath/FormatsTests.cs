using Handoff.Scheduling.Time;
using NodaTime;
using NUnit.Framework;

namespace Handoff.Scheduling.Tests.ZoneMath;

/// <summary>
/// <see cref="Formats"/> writes its common shapes by hand (for speed); these hold them to the NodaTime patterns that
/// define the text, over every minute of a day, every offset the tz database uses, and a seeded spread of dates.
/// </summary>
public class FormatsTests
{
    [Test]
    public void Clock_times_match_the_pattern_for_every_minute_of_the_day()
    {
        for (var minute = 0; minute < 24 * 60; minute++)
        {
            var time = new LocalTime(minute / 60, minute % 60).PlusSeconds(minute % 7);
            Assert.That(Formats.Time(time), Is.EqualTo(Formats.Clock.Format(time)), time.ToString());
        }
    }

    [Test]
    public void Iso_local_times_match_the_pattern_across_years_and_edges()
    {
        var random = new Random(16);
        var samples = new List<LocalDateTime> { new(1, 1, 1, 0, 0), new(9999, 12, 31, 23, 59, 59), new(2026, 12, 3, 7, 5, 9), new(0, 6, 1, 12, 0), new(-5, 1, 1, 0, 0), new(-9998, 1, 1, 0, 0) };
        for (var i = 0; i < 2000; i++)
        {
            samples.Add(new LocalDate(random.Next(1, 10000), random.Next(1, 13), random.Next(1, 29)).At(new LocalTime(random.Next(24), random.Next(60), random.Next(60))));
        }
        foreach (var value in samples)
        {
            Assert.That(Formats.LocalIso(value), Is.EqualTo(Formats.Iso.Format(value)), value.ToString());
        }
    }

    [Test]
    public void Offsets_match_the_pattern_for_every_offset_in_use_and_odd_ones()
    {
        var offsets = new HashSet<Offset> { Offset.Zero, Offset.FromSeconds(-30 * 60), Offset.FromSeconds(5 * 3600 + 45 * 60), Offset.FromSeconds(-(3600 + 1)), Offset.FromHours(18), Offset.FromHours(-18), Offset.FromSeconds(-(17 * 3600 + 59 * 60 + 59)) };
        var from = Instant.FromUtc(1900, 1, 1, 0, 0);
        var to = Instant.FromUtc(2040, 1, 1, 0, 0);
        foreach (var id in DateTimeZoneProviders.Tzdb.Ids)
        {
            foreach (var interval in DateTimeZoneProviders.Tzdb[id].GetZoneIntervals(from, to))
            {
                offsets.Add(interval.WallOffset);
            }
        }
        foreach (var offset in offsets)
        {
            Assert.That(Formats.Offset(offset), Is.EqualTo(Formats.OffsetIso.Format(offset)), offset.ToString());
        }
    }

    [Test]
    public void Weekdays_are_the_enum_names()
    {
        foreach (var day in Enum.GetValues<IsoDayOfWeek>())
        {
            Assert.That(Formats.Weekday(day), Is.EqualTo(day.ToString()));
        }
    }
}
