using NodaTime;
using static Handoff.Graph.Tests.Samples;

namespace Handoff.Graph.Tests;

/// <summary>Graph's 7-digit local date-times in whatever zone Graph names, resolved on purpose at DST edges.</summary>
public class ScheduleMappingTests
{
    [TestCase("2026-03-10T17:00:00.0000000", "UTC", "2026-03-10T17:00:00Z")]
    [TestCase("2026-03-10T09:00:00.0000000", "Pacific Standard Time", "2026-03-10T16:00:00Z")]
    [TestCase("2026-03-10T10:00:00.0000000", "Europe/Berlin", "2026-03-10T09:00:00Z")]
    [TestCase("2026-03-10T17:00:00.1234567", "UTC", "2026-03-10T17:00:00.1234567Z")]
    [TestCase("2026-03-10T17:00:00", null, "2026-03-10T17:00:00Z")]
    public void GraphDateTime_InItsZone_IsTheRightInstant(string dateTime, string? zone, string expected)
    {
        var item = new ScheduleEntry
        {
            Start = new GraphDateTime(dateTime, zone),
            End = new GraphDateTime("2030-01-01T00:00:00.0000000", "UTC"),
            Status = "busy",
        };

        Assert.That(ScheduleMapping.Items([item]).Single().Start, Is.EqualTo(At(expected)));
    }

    [Test]
    public void AmbiguousLocalTimes_MakeTheBlockLonger()
    {
        // 01:30 happens twice in Los Angeles on 2026-11-01: start at the first, end at the second.
        var item = new ScheduleEntry
        {
            Start = new GraphDateTime("2026-11-01T01:30:00.0000000", "Pacific Standard Time"),
            End = new GraphDateTime("2026-11-01T01:30:00.0000000", "Pacific Standard Time"),
            Status = "busy",
        };

        var block = ScheduleMapping.Items([item]).Single().ToBlock();

        Assert.That(block.Interval, Is.EqualTo(new Interval(At("2026-11-01T08:30:00Z"), At("2026-11-01T09:30:00Z"))));
    }

    [Test]
    public void UnknownItemZone_IsUnreadable_NotGuessed()
    {
        var item = new ScheduleEntry { Start = new GraphDateTime("2026-03-10T17:00:00", "Mars/Olympus"), End = new GraphDateTime("2026-03-10T18:00:00", "UTC") };

        Assert.That(() => ScheduleMapping.Items([item]), Throws.InstanceOf<FormatException>());
    }
}
