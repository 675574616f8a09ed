using NodaTime;
using NodaTime.Text;

namespace Handoff.Graph.Tests;

/// <summary>The digit-by-digit reading of Graph's local date-times agrees with NodaTime's ISO pattern, and leaves anything else to it.</summary>
public class GraphLocalTimeParseTests
{
    private static readonly LocalDateTimePattern Seven = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff");

    [Test]
    public void GraphsLayout_ReadsAsTheIsoPattern([Range(1, 20)] int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 500; i++)
        {
            var local = new LocalDateTime(random.Next(1, 10000), random.Next(1, 13), 1, random.Next(24), random.Next(60), random.Next(60))
                .PlusDays(random.Next(31)).PlusTicks(random.Next(3) == 0 ? 0 : random.Next(10_000_000));
            var text = random.Next(4) == 0 && local.TickOfSecond == 0 ? LocalDateTimePattern.GeneralIso.Format(local) : Seven.Format(local);

            Assert.That(ScheduleMapping.TryParseGraphLocal(text, out var read), Is.True, text);
            Assert.That(read, Is.EqualTo(LocalDateTimePattern.ExtendedIso.Parse(text).Value), text);
        }
    }

    [TestCase("2026-02-29T10:00:00.0000000")]
    [TestCase("2026-13-01T10:00:00.0000000")]
    [TestCase("2026-12-01T24:00:00.0000000")]
    [TestCase("2026-12-01 10:00:00.0000000")]
    [TestCase("2026-12-01T10:00:00.000")]
    [TestCase("2026-12-01T10:00:00.00000000")]
    [TestCase("2026-12-01T10:00:00Z")]
    [TestCase("2026-12-01T1a:00:00")]
    [TestCase("0000-12-01T10:00:00")]
    [TestCase("")]
    public void OtherText_IsLeftToThePattern(string text) =>
        Assert.That(ScheduleMapping.TryParseGraphLocal(text, out _), Is.False);
}
