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

/// <summary>A scheduleItem read in one pass has every value Graph sent, whatever the order, extras, nulls or escapes.</summary>
public class ScheduleEntryReadTests
{
    private static readonly string[] Statuses = ["busy", "free", "tentative", "oof", "workingElsewhere", "unknown", "Busy", "someFutureStatus"];
    private static readonly string?[] Texts = [null, "", "Plant visit", "Büro \"Nord\" – 2. OG", "Line\nbreak\t<tag> & 'quote' \\ 😀", new string('x', 300)];

    [Test]
    public void RandomItems_ReadAsWritten([Range(1, 10)] int seed)
    {
        var random = new Random(seed);
        var expected = new List<(LocalDateTime Start, LocalDateTime End, string Status, string? Subject, string? Location, bool? IsPrivate)>();
        var items = new System.Text.Json.Nodes.JsonArray();
        for (var i = 0; i < 100; i++)
        {
            var start = new LocalDateTime(2026, random.Next(1, 13), random.Next(1, 29), random.Next(24), random.Next(60)).PlusTicks(random.Next(10_000_000));
            var end = start.PlusMinutes(random.Next(1, 600));
            var item = (start, end, Statuses[random.Next(Statuses.Length)], Texts[random.Next(Texts.Length)], Texts[random.Next(Texts.Length)], random.Next(3) switch { 0 => (bool?)null, 1 => true, _ => false });
            expected.Add(item);
            var properties = new List<KeyValuePair<string, System.Text.Json.Nodes.JsonNode?>>
            {
                new("start", Date(item.start)),
                new("end", Date(item.end)),
                new("status", item.Item3),
                new("isMeeting", random.Next(2) == 0),
                new("extra", new System.Text.Json.Nodes.JsonObject { ["nested"] = new System.Text.Json.Nodes.JsonArray(1, "two", null) }),
            };
            if (item.Item4 is not null || random.Next(2) == 0) properties.Add(new("subject", item.Item4));
            if (item.Item5 is not null || random.Next(2) == 0) properties.Add(new("location", item.Item5));
            if (item.Item6 is not null || random.Next(2) == 0) properties.Add(new("isPrivate", item.Item6));
            items.Add(new System.Text.Json.Nodes.JsonObject(properties.OrderBy(_ => random.Next())));
        }
        // Escape every non-ASCII character, as some writers do; the reader must not care.
        var json = new System.Text.Json.Nodes.JsonObject { ["value"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["scheduleId"] = "a@contoso.com", ["scheduleItems"] = items }) }
            .ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default });

        var read = System.Text.Json.JsonSerializer.Deserialize(json, GetScheduleJson.Default.GetScheduleAnswer)!.Value!.Single().ScheduleItems!;

        Assert.That(read.Select(e => (e.Start!.Value.Local!.Value, e.End!.Value.Local!.Value, e.Status!, e.Subject, e.Location, e.IsPrivate)), Is.EqualTo(expected));
    }

    [Test]
    public void KnownStatuses_AreTheOneLiteralEach()
    {
        var read = System.Text.Json.JsonSerializer.Deserialize("""{"value":[{"scheduleItems":[{"status":"busy"},{"status":"tentative"}]}]}""", GetScheduleJson.Default.GetScheduleAnswer)!;

        Assert.That(read.Value!.Single().ScheduleItems!.Select(e => e.Status), Is.EqualTo(new[] { "busy", "tentative" }).And.All.Matches<string>(s => string.IsInterned(s) is not null));
    }

    [TestCase("""{"value":[{"scheduleItems":[{"start":"2026-03-10T17:00:00"}]}]}""")]
    [TestCase("""{"value":[{"scheduleItems":[{"subject":42}]}]}""")]
    [TestCase("""{"value":[{"scheduleItems":[{"isPrivate":"yes"}]}]}""")]
    [TestCase("""{"value":[{"scheduleItems":["busy"]}]}""")]
    public void AWrongType_IsAJsonError(string json) =>
        Assert.That(() => System.Text.Json.JsonSerializer.Deserialize(json, GetScheduleJson.Default.GetScheduleAnswer), Throws.InstanceOf<System.Text.Json.JsonException>());

    [Test]
    public void ReadThroughAStream_InSmallChunks_IsTheSame()
    {
        // The fetcher reads the body as a stream: items cut across buffer boundaries must read alike.
        var json = """{"value":[{"scheduleId":"a@contoso.com","scheduleItems":[""" +
            string.Join(",", Enumerable.Range(0, 500).Select(i => $$$"""{"isPrivate":false,"status":"busy","subject":"Visit {{{i}}}","location":"Site {{{i}}}","start":{"dateTime":"2026-03-10T{{{i % 24:D2}}}:00:00.0000000","timeZone":"UTC"},"end":{"dateTime":"2026-03-10T{{{i % 24:D2}}}:30:00.0000000","timeZone":"UTC"}}""")) +
            "]}]}";
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));

        var smallBuffers = new System.Text.Json.JsonSerializerOptions(GetScheduleJson.Default.Options) { DefaultBufferSize = 64 };
        var typeInfo = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<GetScheduleAnswer>)smallBuffers.GetTypeInfo(typeof(GetScheduleAnswer));

        var read = System.Text.Json.JsonSerializer.DeserializeAsync(stream, typeInfo).AsTask().Result!.Value!.Single().ScheduleItems!;

        Assert.That(read.Select(e => e.Subject), Is.EqualTo(Enumerable.Range(0, 500).Select(i => $"Visit {i}")));
        Assert.That(read.Select(e => e.Start!.Value.Local!.Value.Hour), Is.EqualTo(Enumerable.Range(0, 500).Select(i => i % 24)));
    }

    private static System.Text.Json.Nodes.JsonObject Date(LocalDateTime local) => new()
    {
        ["dateTime"] = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff").Format(local),
        ["timeZone"] = "UTC",
    };
}
