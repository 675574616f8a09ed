using System.Buffers;
using System.Text.Json;
using Handoff.Scheduling.Calendars;
using NodaTime;

namespace Handoff.Graph.Tests;

/// <summary>
/// The schedule cache's serializer writes what HybridCache's default (System.Text.Json, default options) writes, so
/// days already in a shared cache still read after the change, and reads back every field it wrote.
/// </summary>
public class CachedDaySerializerTests
{
    private static readonly CachedDay Day = new(
        [
            new CachedItem(Instant.FromUtc(2026, 12, 7, 15, 0).ToUnixTimeTicks(), Instant.FromUtc(2026, 12, 7, 16, 0).ToUnixTimeTicks(), BusyStatus.Busy, "Plant visit, Fresno, CA 93706", "Intro", false),
            new CachedItem(Instant.FromUtc(2026, 12, 7, 17, 0).ToUnixTimeTicks(), Instant.FromUtc(2026, 12, 7, 18, 30).ToUnixTimeTicks(), BusyStatus.Tentative, null, null, true),
        ],
        new CachedHours([IsoDayOfWeek.Monday, IsoDayOfWeek.Friday], Duration.FromHours(8).BclCompatibleTicks, Duration.FromHours(17).BclCompatibleTicks,
            new CachedZone(null, new CustomZoneRules(480, new ZoneTransitionRule(11, 1, IsoDayOfWeek.Sunday, Duration.FromHours(2).BclCompatibleTicks), new ZoneTransitionRule(3, 2, IsoDayOfWeek.Sunday, Duration.FromHours(2).BclCompatibleTicks), -60))),
        Instant.FromUtc(2026, 12, 5, 6, 0).ToUnixTimeTicks());

    [Test]
    public void Writes_TheDefaultSerializersJson()
    {
        var written = new ArrayBufferWriter<byte>();
        new CachedDaySerializer().Serialize(Day, written);

        Assert.That(written.WrittenSpan.ToArray(), Is.EqualTo(JsonSerializer.SerializeToUtf8Bytes(Day, JsonSerializerOptions.Default)));
    }

    [Test]
    public void ReadsBack_EveryField_AndWhatTheDefaultWrote()
    {
        var serializer = new CachedDaySerializer();
        var written = new ArrayBufferWriter<byte>();
        serializer.Serialize(Day, written);

        foreach (var bytes in new[] { written.WrittenMemory, JsonSerializer.SerializeToUtf8Bytes(Day, JsonSerializerOptions.Default) })
        {
            var read = serializer.Deserialize(new ReadOnlySequence<byte>(bytes));
            Assert.Multiple(() =>
            {
                Assert.That(read.Items, Is.EqualTo(Day.Items));
                Assert.That(read.Hours!.Days, Is.EqualTo(Day.Hours!.Days));
                Assert.That(read.Hours.Zone!.Custom, Is.EqualTo(Day.Hours.Zone!.Custom));
                Assert.That(read.ReadAt, Is.EqualTo(Day.ReadAt));
                Assert.That(read.Blocks.Select(b => b.Interval), Is.EqualTo(Day.Blocks.Select(b => b.Interval)));
            });
        }
    }
}
