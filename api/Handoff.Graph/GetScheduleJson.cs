using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Handoff.Graph;

// getSchedule's answer as the reader needs it, read with System.Text.Json's source generator. The request still goes
// through the SDK (its request builder, auth, retry and error mapping); only the success body is read here, because
// the SDK's generic models cost ~6 MB for a 20-mailbox answer (a backing store, a field-deserializer table and an
// additional-data dictionary per object, and two caught JsonExceptions per mailbox parsing workingHours' times).
// Names and shapes follow Graph v1.0's metadata (scheduleInformation, scheduleItem, workingHours, customTimeZone);
// properties the reader does not use (availabilityView, isMeeting, …) are skipped by the parser, not kept.
// Properties have setters, not init: the source generator routes init-only properties through a constructor call
// with an argument array, which buffers every object's values first (~20 % of a cold 20-mailbox read's CPU).

/// <summary>The body of a getSchedule answer: <c>{"value":[scheduleInformation…]}</c>.</summary>
internal sealed class GetScheduleAnswer
{
    public List<ScheduleInfo>? Value { get; set; }
}

/// <summary>One mailbox's scheduleInformation.</summary>
internal sealed class ScheduleInfo
{
    public string? ScheduleId { get; set; }

    public List<ScheduleEntry>? ScheduleItems { get; set; }

    public GraphHours? WorkingHours { get; set; }

    public ScheduleError? Error { get; set; }
}

/// <summary>freeBusyError: set instead of items when Graph could not read this mailbox (5009: unknown address).</summary>
internal sealed class ScheduleError
{
    public string? Message { get; set; }

    public string? ResponseCode { get; set; }
}

/// <summary>
/// scheduleItem. Subject and location come only when the owner's sharing allows it, and never leave the mapping for a
/// private item. Read by <see cref="ScheduleEntryConverter"/>.
/// </summary>
[JsonConverter(typeof(ScheduleEntryConverter))]
internal sealed class ScheduleEntry
{
    public GraphDateTime? Start { get; set; }

    public GraphDateTime? End { get; set; }

    /// <summary>free, tentative, busy, oof, workingElsewhere, unknown (kept as text so a value Graph adds later reads as unknown, not as an error).</summary>
    public string? Status { get; set; }

    public string? Subject { get; set; }

    public string? Location { get; set; }

    public bool? IsPrivate { get; set; }
}

/// <summary>
/// dateTimeTimeZone: a local date-time ("2026-03-10T17:00:00.0000000") and the zone it is in. Read by
/// <see cref="GraphDateTimeConverter"/>: Graph's own layout arrives as <see cref="Local"/>, anything else as text.
/// </summary>
[JsonConverter(typeof(GraphDateTimeConverter))]
internal record struct GraphDateTime
{
    public GraphDateTime(string? dateTime, string? timeZone)
    {
        DateTime = dateTime;
        TimeZone = timeZone;
    }

    public GraphDateTime(LocalDateTime local, string? timeZone)
    {
        Local = local;
        TimeZone = timeZone;
    }

    /// <summary>The text, when it was not in Graph's own layout (the mapping then reads it with the ISO pattern).</summary>
    public string? DateTime { get; set; }

    /// <summary>The local date-time, when the reader could read it in place.</summary>
    public LocalDateTime? Local { get; set; }

    public string? TimeZone { get; set; }
}

/// <summary>
/// Reads a dateTimeTimeZone without a string per date-time: a cold read of 20 mailboxes over the suggestion window
/// has ~10,000 of them. Graph's own layout is read from the UTF-8 bytes in place; "UTC" (what the reader asks for)
/// becomes the one literal; anything else is kept as text, so the mapping reads it as before and says what is wrong.
/// </summary>
internal sealed class GraphDateTimeConverter : JsonConverter<GraphDateTime>
{
    private const int LongestGraphLayout = 27;

    public override GraphDateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadValue(ref reader);

    /// <summary>Reads the object the reader is at, leaving it at the object's end.</summary>
    internal static GraphDateTime ReadValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A dateTimeTimeZone is an object.");
        }
        var value = new GraphDateTime();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("dateTime"u8))
            {
                reader.Read();
                if (TryReadLocal(ref reader, out var local))
                {
                    value.Local = local;
                }
                else
                {
                    value.DateTime = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
                }
            }
            else if (reader.ValueTextEquals("timeZone"u8))
            {
                reader.Read();
                value.TimeZone = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("UTC"u8) ? "UTC" : reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("A dateTimeTimeZone's properties are not closed.");
        }
        return value;
    }

    private static bool TryReadLocal(ref Utf8JsonReader reader, out LocalDateTime local)
    {
        local = default;
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > LongestGraphLayout)
        {
            return false;
        }
        Span<char> text = stackalloc char[LongestGraphLayout];
        return Ascii.ToUtf16(reader.ValueSpan, text, out var written) == OperationStatus.Done
            && ScheduleMapping.TryParseGraphLocal(text[..written], out local);
    }

    public override void Write(Utf8JsonWriter writer, GraphDateTime value, JsonSerializerOptions options) => WriteValue(writer, value);

    internal static void WriteValue(Utf8JsonWriter writer, GraphDateTime value)
    {
        writer.WriteStartObject();
        writer.WriteString("dateTime"u8, value.Local is { } local ? LocalDateTimePattern.ExtendedIso.Format(local) : value.DateTime);
        writer.WriteString("timeZone"u8, value.TimeZone);
        writer.WriteEndObject();
    }
}

/// <summary>
/// Reads a scheduleItem in one pass over its properties: a 20-mailbox answer over the suggestion window has thousands,
/// and the serializer's object path keeps a resumable frame per object and per nested date-time (~a third of the read).
/// The whole item is in the buffer when this runs (the serializer reads ahead for a converter). Unknown properties
/// (isMeeting, isReminderSet, …) are skipped; a wrong type is a JSON error, as it was.
/// </summary>
internal sealed class ScheduleEntryConverter : JsonConverter<ScheduleEntry>
{
    public override ScheduleEntry Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A scheduleItem is an object.");
        }
        var entry = new ScheduleEntry();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("start"u8))
            {
                reader.Read();
                entry.Start = reader.TokenType == JsonTokenType.Null ? null : GraphDateTimeConverter.ReadValue(ref reader);
            }
            else if (reader.ValueTextEquals("end"u8))
            {
                reader.Read();
                entry.End = reader.TokenType == JsonTokenType.Null ? null : GraphDateTimeConverter.ReadValue(ref reader);
            }
            else if (reader.ValueTextEquals("status"u8))
            {
                reader.Read();
                entry.Status = Status(ref reader);
            }
            else if (reader.ValueTextEquals("subject"u8))
            {
                reader.Read();
                entry.Subject = reader.GetString();
            }
            else if (reader.ValueTextEquals("location"u8))
            {
                reader.Read();
                entry.Location = reader.GetString();
            }
            else if (reader.ValueTextEquals("isPrivate"u8))
            {
                reader.Read();
                entry.IsPrivate = reader.TokenType == JsonTokenType.Null ? null : reader.GetBoolean();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("A scheduleItem's properties are not closed.");
        }
        return entry;
    }

    /// <summary>Graph's freeBusyStatus names as the one literal each; anything else as its text.</summary>
    private static string? Status(ref Utf8JsonReader reader) =>
        reader.TokenType != JsonTokenType.String ? reader.GetString()
        : reader.ValueTextEquals("busy"u8) ? "busy"
        : reader.ValueTextEquals("free"u8) ? "free"
        : reader.ValueTextEquals("tentative"u8) ? "tentative"
        : reader.ValueTextEquals("oof"u8) ? "oof"
        : reader.ValueTextEquals("workingElsewhere"u8) ? "workingElsewhere"
        : reader.GetString();

    public override void Write(Utf8JsonWriter writer, ScheduleEntry value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.Start is { } start)
        {
            writer.WritePropertyName("start"u8);
            GraphDateTimeConverter.WriteValue(writer, start);
        }
        if (value.End is { } end)
        {
            writer.WritePropertyName("end"u8);
            GraphDateTimeConverter.WriteValue(writer, end);
        }
        writer.WriteString("status"u8, value.Status);
        writer.WriteString("subject"u8, value.Subject);
        writer.WriteString("location"u8, value.Location);
        if (value.IsPrivate is { } isPrivate)
        {
            writer.WriteBoolean("isPrivate"u8, isPrivate);
        }
        writer.WriteEndObject();
    }
}

/// <summary>workingHours: one range of local times ("08:00:00.0000000") for all listed days, in the mailbox's zone.</summary>
internal sealed class GraphHours
{
    public List<string>? DaysOfWeek { get; set; }

    public string? StartTime { get; set; }

    public string? EndTime { get; set; }

    public GraphZone? TimeZone { get; set; }
}

/// <summary>timeZoneBase, or its derived customTimeZone (told apart by <c>@odata.type</c>, as the SDK does).</summary>
internal sealed class GraphZone
{
    public const string CustomType = "#microsoft.graph.customTimeZone";

    [JsonPropertyName("@odata.type")]
    public string? ODataType { get; set; }

    public string? Name { get; set; }

    public int? Bias { get; set; }

    public GraphZoneOffset? StandardOffset { get; set; }

    public GraphZoneOffset? DaylightOffset { get; set; }

    public bool IsCustom => string.Equals(ODataType, CustomType, StringComparison.OrdinalIgnoreCase);
}

/// <summary>standardTimeZoneOffset / daylightTimeZoneOffset: a yearly transition (Windows' SYSTEMTIME convention).</summary>
internal sealed class GraphZoneOffset
{
    public string? Time { get; set; }

    public int? DayOccurrence { get; set; }

    public string? DayOfWeek { get; set; }

    public int? Month { get; set; }

    public int? Year { get; set; }

    public int? DaylightBias { get; set; }
}

/// <summary>Graph's JSON is camelCase with exact names (the SDK's parser matches them exactly too).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(GetScheduleAnswer))]
internal sealed partial class GetScheduleJson : JsonSerializerContext;
