using NodaTime;
using NodaTime.TimeZones;
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

/// <summary>The answer's dateTimeTimeZone read in place gives the instant the text would, and keeps what it cannot read as text.</summary>
public class GraphDateTimeReadTests
{
    private static readonly LocalDateTimePattern Seven = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff");
    private static readonly ZoneLocalMappingResolver Earlier = Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnForwardShifted);

    private static GraphDateTime Read(string json) =>
        System.Text.Json.JsonSerializer.Deserialize(
            $$"""{"value":[{"scheduleItems":[{"start":{{json}},"end":{{json}}}]}]}""",
            GetScheduleJson.Default.GetScheduleAnswer)!.Value!.Single().ScheduleItems!.Single().Start!.Value;

    [Test]
    public void GraphsLayout_ReadInPlace_IsTheInstantOfItsText([Values("UTC", "Pacific Standard Time", "Europe/Berlin", "India Standard Time")] string zone, [Range(1, 4)] int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 250; i++)
        {
            var local = new LocalDateTime(random.Next(1990, 2100), random.Next(1, 13), 1, random.Next(24), random.Next(60), random.Next(60))
                .PlusDays(random.Next(31)).PlusTicks(random.Next(3) == 0 ? 0 : random.Next(10_000_000));
            var text = Seven.Format(local);

            var read = Read($$"""{"dateTime":"{{text}}","timeZone":"{{zone}}"}""");

            Assert.That(read.Local, Is.EqualTo(local), text);
            Assert.That(read.DateTime, Is.Null, "no string is kept for a date-time read in place");
            Assert.That(ScheduleMapping.ToInstant(read, Earlier), Is.EqualTo(ScheduleMapping.ToInstant(new GraphDateTime(text, zone), Earlier)), $"{text} {zone}");
        }
    }

    [Test]
    public void Utc_IsTheOneLiteral() =>
        Assert.That(Read("""{"dateTime":"2026-03-10T17:00:00.0000000","timeZone":"UTC"}""").TimeZone, Is.SameAs("UTC"));

    [TestCase("""{"dateTime":"2026-03-10T17:00:00Z","timeZone":"UTC"}""", "2026-03-10T17:00:00Z")]
    [TestCase("""{"dateTime":"\u0032026-03-10T17:00:00.0000000","timeZone":"UTC"}""", "2026-03-10T17:00:00.0000000")]
    [TestCase("""{"dateTime":"2026-03-10T17:00:00.00000000000000000000000000000000","timeZone":"UTC"}""", "2026-03-10T17:00:00.00000000000000000000000000000000")]
    public void OtherText_IsKeptAsText(string json, string text)
    {
        var read = Read(json);

        Assert.That(read.Local, Is.Null);
        Assert.That(read.DateTime, Is.EqualTo(text));
    }

    [Test]
    public void AnEscapedDateTime_StillMapsToItsInstant() =>
        Assert.That(ScheduleMapping.ToInstant(Read("""{"dateTime":"\u0032026-03-10T17:00:00.0000000","timeZone":"UTC"}"""), Earlier),
            Is.EqualTo(Instant.FromUtc(2026, 3, 10, 17, 0)));

    [Test]
    public void PropertiesItDoesNotKnow_AreSkipped_InAnyOrder()
    {
        var read = Read("""{"extra":{"nested":[1,{"a":"b"}]},"timeZone":"Pacific Standard Time","other":null,"dateTime":"2026-03-10T09:00:00.0000000"}""");

        Assert.That(read, Is.EqualTo(new GraphDateTime(new LocalDateTime(2026, 3, 10, 9, 0), "Pacific Standard Time")));
    }

    [Test]
    public void MissingOrNullDateTime_FailsInTheMapping_AsBefore()
    {
        Assert.That(() => ScheduleMapping.ToInstant(Read("""{"dateTime":null,"timeZone":"UTC"}"""), Earlier), Throws.TypeOf<FormatException>());
        Assert.That(() => ScheduleMapping.ToInstant(Read("""{"timeZone":"UTC"}"""), Earlier), Throws.TypeOf<FormatException>());
    }

    [Test]
    public void NotAnObject_IsAJsonError() =>
        Assert.That(() => Read("\"2026-03-10T09:00:00\""), Throws.InstanceOf<System.Text.Json.JsonException>());
}
