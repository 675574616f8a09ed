using System.Text.Json.Serialization;

namespace Handoff.Graph;

// getSchedule's answer as the reader needs it, read with System.Text.Json's source generator. The request still goes
// through the SDK (its request builder, auth, retry and error mapping); only the success body is read here, because
// the SDK's generic models cost ~6 MB for a 20-mailbox answer (a backing store, a field-deserializer table and an
// additional-data dictionary per object, and two caught JsonExceptions per mailbox parsing workingHours' times).
// Names and shapes follow Graph v1.0's metadata (scheduleInformation, scheduleItem, workingHours, customTimeZone);
// properties the reader does not use (availabilityView, isMeeting, …) are skipped by the parser, not kept.

/// <summary>The body of a getSchedule answer: <c>{"value":[scheduleInformation…]}</c>.</summary>
internal sealed class GetScheduleAnswer
{
    public List<ScheduleInfo>? Value { get; init; }
}

/// <summary>One mailbox's scheduleInformation.</summary>
internal sealed class ScheduleInfo
{
    public string? ScheduleId { get; init; }

    public List<ScheduleEntry>? ScheduleItems { get; init; }

    public GraphHours? WorkingHours { get; init; }

    public ScheduleError? Error { get; init; }
}

/// <summary>freeBusyError: set instead of items when Graph could not read this mailbox (5009: unknown address).</summary>
internal sealed class ScheduleError
{
    public string? Message { get; init; }

    public string? ResponseCode { get; init; }
}

/// <summary>scheduleItem. Subject and location come only when the owner's sharing allows it, and never leave the mapping for a private item.</summary>
internal sealed class ScheduleEntry
{
    public GraphDateTime? Start { get; init; }

    public GraphDateTime? End { get; init; }

    /// <summary>free, tentative, busy, oof, workingElsewhere, unknown (kept as text so a value Graph adds later reads as unknown, not as an error).</summary>
    public string? Status { get; init; }

    public string? Subject { get; init; }

    public string? Location { get; init; }

    public bool? IsPrivate { get; init; }
}

/// <summary>dateTimeTimeZone: a local date-time ("2026-03-10T17:00:00.0000000") and the zone it is in.</summary>
internal readonly record struct GraphDateTime
{
    public GraphDateTime(string? dateTime, string? timeZone)
    {
        DateTime = dateTime;
        TimeZone = timeZone;
    }

    /// <summary>For the reader: set by property, not through the two-argument constructor, which System.Text.Json reads
    /// by buffering each object's arguments first (about a tenth of a cold 20-mailbox read's CPU went there).</summary>
    [JsonConstructor]
    public GraphDateTime()
    {
    }

    public string? DateTime { get; init; }

    public string? TimeZone { get; init; }
}

/// <summary>workingHours: one range of local times ("08:00:00.0000000") for all listed days, in the mailbox's zone.</summary>
internal sealed class GraphHours
{
    public List<string>? DaysOfWeek { get; init; }

    public string? StartTime { get; init; }

    public string? EndTime { get; init; }

    public GraphZone? TimeZone { get; init; }
}

/// <summary>timeZoneBase, or its derived customTimeZone (told apart by <c>@odata.type</c>, as the SDK does).</summary>
internal sealed class GraphZone
{
    public const string CustomType = "#microsoft.graph.customTimeZone";

    [JsonPropertyName("@odata.type")]
    public string? ODataType { get; init; }

    public string? Name { get; init; }

    public int? Bias { get; init; }

    public GraphZoneOffset? StandardOffset { get; init; }

    public GraphZoneOffset? DaylightOffset { get; init; }

    public bool IsCustom => string.Equals(ODataType, CustomType, StringComparison.OrdinalIgnoreCase);
}

/// <summary>standardTimeZoneOffset / daylightTimeZoneOffset: a yearly transition (Windows' SYSTEMTIME convention).</summary>
internal sealed class GraphZoneOffset
{
    public string? Time { get; init; }

    public int? DayOccurrence { get; init; }

    public string? DayOfWeek { get; init; }

    public int? Month { get; init; }

    public int? Year { get; init; }

    public int? DaylightBias { get; init; }
}

/// <summary>Graph's JSON is camelCase with exact names (the SDK's parser matches them exactly too).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(GetScheduleAnswer))]
internal sealed partial class GetScheduleJson : JsonSerializerContext;
