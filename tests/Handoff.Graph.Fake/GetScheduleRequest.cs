using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;

namespace Handoff.Graph.Fake;

/// <summary>A getSchedule request body as the fake reads it, with what Graph would reject about it.</summary>
internal static class GetScheduleRequest
{
    public sealed record Parsed(IReadOnlyList<string> Schedules, Stamp? Start, Stamp? End, int? Interval, string? Problem);

    public readonly record struct Stamp(string Text, Instant Instant);

    /// <summary>Reads the body with names in any case: the SDK sends "Schedules", Graph's docs "schedules".</summary>
    public static Parsed Parse(string body)
    {
        try
        {
            var root = JsonNode.Parse(body, new JsonNodeOptions { PropertyNameCaseInsensitive = true })?.AsObject();
            var schedules = root?["schedules"]?.AsArray().Select(n => n!.GetValue<string>()).ToArray() ?? [];
            var start = Stamped(root?["startTime"]);
            var end = Stamped(root?["endTime"]);
            var interval = root?["availabilityViewInterval"]?.GetValue<int>();
            var problem = schedules.Length switch
            {
                0 => "schedules is required.",
                > 20 => "A maximum of 20 schedules is allowed per request.",
                _ when start is null || end is null => "startTime and endTime are required.",
                _ when end!.Value.Instant <= start!.Value.Instant => "endTime must be after startTime.",
                _ when end!.Value.Instant - start!.Value.Instant >= Duration.FromDays(62) => "The time window must be less than 62 days.",
                _ when interval is < 5 or > 1440 => "availabilityViewInterval must be between 5 and 1440.",
                _ => null,
            };
            return new Parsed(schedules, start, end, interval, problem);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or UnparsableValueException)
        {
            return new Parsed([], null, null, null, $"The request body could not be read: {ex.Message}");
        }
    }

    private static Stamp? Stamped(JsonNode? node)
    {
        if (node?["dateTime"]?.GetValue<string>() is not { } text)
        {
            return null;
        }
        var local = LocalDateTimePattern.ExtendedIso.Parse(text).GetValueOrThrow();
        var zone = GetScheduleEndpoint.Resolve(node["timeZone"]?.GetValue<string>()) ?? throw new FormatException($"Unknown time zone {node["timeZone"]}.");
        return new Stamp(text, local.InZoneLeniently(zone).ToInstant());
    }
}
