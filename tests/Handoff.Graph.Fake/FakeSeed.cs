using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;

namespace Handoff.Graph.Fake;

/// <summary>
/// Mailboxes from a JSON file, for local trials and benchmarks. Weekly items repeat in the mailbox's zone
/// from a week before to eight weeks after the given day, so the fake always has a current calendar:
/// <code>
/// { "mailboxes": [ {
///     "email": "rsm.west@example.com",
///     "workingHours": { "days": ["monday", "friday"], "start": "08:00", "end": "17:00", "timeZone": "Pacific Standard Time" },
///     "weekly": [ { "day": "tuesday", "start": "09:00", "end": "10:00", "status": "busy", "subject": "Pipeline review", "location": "Teams", "isPrivate": false } ],
///     "items": [ { "start": "2026-12-01T17:00:00Z", "end": "2026-12-01T18:00:00Z", "status": "oof" } ],
///     "sharesDetails": true,
///     "error": { "responseCode": "5009", "message": "Unable to resolve …" } } ] }
/// </code>
/// A timeZone is a Windows or IANA name, or a Graph timeZone object (e.g. a #microsoft.graph.customTimeZone).
/// </summary>
public static class FakeSeed
{
    private static readonly LocalTimePattern HourMinute = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

    public static void Load(FakeGraph graph, string json, Instant today)
    {
        var root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
        foreach (var node in root["mailboxes"]!.AsArray())
        {
            var email = node!["email"]!.GetValue<string>();
            graph.AddMailbox(email, mailbox => Fill(mailbox, node.AsObject(), today));
        }
    }

    private static void Fill(FakeMailbox mailbox, JsonObject node, Instant today)
    {
        mailbox.SharesDetails = node["sharesDetails"]?.GetValue<bool>() ?? true;
        if (node["error"] is JsonObject error)
        {
            mailbox.Error = new FakeScheduleError(error["responseCode"]!.GetValue<string>(), error["message"]!.GetValue<string>());
        }
        var zone = DateTimeZone.Utc;
        mailbox.WorkingHours = null;
        if (node["workingHours"] is JsonObject hours)
        {
            var zoneNode = hours["timeZone"] switch
            {
                JsonObject graphZone => (JsonObject)graphZone.DeepClone(),
                JsonValue name => FakeZone.Named(name.GetValue<string>()),
                _ => FakeZone.Named("UTC"),
            };
            zone = ZoneOf(zoneNode);
            mailbox.WorkingHours = new FakeWorkingHours(
                hours["days"]!.AsArray().Select(d => Enum.Parse<IsoDayOfWeek>(d!.GetValue<string>(), ignoreCase: true)).ToArray(),
                HourMinute.Parse(hours["start"]!.GetValue<string>()).GetValueOrThrow(),
                HourMinute.Parse(hours["end"]!.GetValue<string>()).GetValueOrThrow(),
                zoneNode);
        }
        foreach (var item in node["items"]?.AsArray() ?? [])
        {
            mailbox.Add(InstantPattern.ExtendedIso.Parse(item!["start"]!.GetValue<string>()).GetValueOrThrow(),
                InstantPattern.ExtendedIso.Parse(item["end"]!.GetValue<string>()).GetValueOrThrow(),
                item["status"]?.GetValue<string>() ?? "busy", item["subject"]?.GetValue<string>(), item["location"]?.GetValue<string>(),
                item["isPrivate"]?.GetValue<bool>() ?? false);
        }
        var weekly = node["weekly"]?.AsArray() ?? [];
        var monday = today.InZone(zone).Date.Previous(IsoDayOfWeek.Monday).PlusWeeks(-1);
        for (var date = monday; date < monday.PlusWeeks(10); date = date.PlusDays(1))
        {
            foreach (var item in weekly.Where(w => Enum.Parse<IsoDayOfWeek>(w!["day"]!.GetValue<string>(), ignoreCase: true) == date.DayOfWeek))
            {
                var start = HourMinute.Parse(item!["start"]!.GetValue<string>()).GetValueOrThrow();
                var end = HourMinute.Parse(item["end"]!.GetValue<string>()).GetValueOrThrow();
                mailbox.Add(zone.AtLeniently(date + start).ToInstant(),
                    end == LocalTime.Midnight ? zone.AtStartOfDay(date.PlusDays(1)).ToInstant() : zone.AtLeniently(date + end).ToInstant(),
                    item["status"]?.GetValue<string>() ?? "busy", item["subject"]?.GetValue<string>(), item["location"]?.GetValue<string>(),
                    item["isPrivate"]?.GetValue<bool>() ?? false);
            }
        }
    }

    /// <summary>The zone weekly items repeat in: a named zone, or UTC offset by a custom zone's bias.</summary>
    private static DateTimeZone ZoneOf(JsonObject zone)
    {
        if (zone["bias"] is JsonValue bias)
        {
            return DateTimeZone.ForOffset(Offset.FromSeconds(-bias.GetValue<int>() * 60));
        }
        var name = zone["name"]?.GetValue<string>() ?? "UTC";
        if (NodaTime.TimeZones.TzdbDateTimeZoneSource.Default.WindowsMapping.PrimaryMapping.TryGetValue(name, out var iana))
        {
            name = iana;
        }
        return DateTimeZoneProviders.Tzdb.GetZoneOrNull(name) ?? DateTimeZone.Utc;
    }
}
