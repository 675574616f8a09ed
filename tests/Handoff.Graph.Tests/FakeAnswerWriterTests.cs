using System.Text.Json;
using System.Text.Json.Nodes;
using Handoff.Graph.Fake;
using NodaTime;
using NodaTime.Text;

namespace Handoff.Graph.Tests;

/// <summary>
/// The fake writes its getSchedule answer as it builds it; byte for byte, it is the answer its earlier JSON-DOM builder
/// wrote (kept here as the definition), for random calendars, sharing, unknown and failing mailboxes, zones and slots.
/// </summary>
public class FakeAnswerWriterTests
{
    private static readonly LocalDateTimePattern GraphDateTime = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff");
    private static readonly LocalTimePattern GraphTime = LocalTimePattern.CreateWithInvariantCulture("HH':'mm':'ss'.'fffffff");

    [Test]
    public void Writer_IsTheDomAnswer([Range(1, 40)] int seed)
    {
        var random = new Random(seed);
        var graph = new FakeGraph();
        var origin = Instant.FromUtc(2026, 12, 7, 0, 0);
        string[] statuses = ["free", "tentative", "busy", "oof", "workingElsewhere"];
        for (var m = 0; m < 4; m++)
        {
            graph.AddMailbox($"rsm{m}@example.com", mailbox =>
            {
                mailbox.SharesDetails = random.Next(2) == 0;
                if (random.Next(3) == 0) mailbox.SharesDetailsWith.Add("sdr@example.com");
                if (m == 3 && random.Next(2) == 0) mailbox.Error = new FakeScheduleError("5008", "The \"mailbox\" is busy <now> & later.");
                if (random.Next(3) > 0) mailbox.WorkingHours = FakeWorkingHours.Weekdays("08:00", "17:30", FakeZone.Named(random.Next(2) == 0 ? "Pacific Standard Time" : "UTC"));
                for (var i = 0; i < random.Next(0, 30); i++)
                {
                    var start = origin + Duration.FromMinutes(random.Next(-600, 3 * 24 * 60));
                    mailbox.Add(start, start + Duration.FromMinutes(15 * random.Next(1, 12)), statuses[random.Next(statuses.Length)],
                        random.Next(4) == 0 ? null : "Plant visit — “Acme” & co", random.Next(4) == 0 ? null : "2200 E Jensen Ave, Fresno, CA 93706", random.Next(8) == 0);
                }
            });
        }
        var window = new Interval(origin, origin + Duration.FromDays(random.Next(1, 4)));
        var zone = random.Next(2) == 0 ? DateTimeZone.Utc : DateTimeZoneProviders.Tzdb["America/Los_Angeles"];
        var zoneName = zone == DateTimeZone.Utc ? "UTC" : "Pacific Standard Time";
        string[] ids = ["rsm0@example.com", "RSM1@example.com", "nobody@example.com", "rsm2@example.com", "rsm3@example.com"];
        var me = random.Next(2) == 0 ? "sdr@example.com" : null;
        var interval = new[] { 15, 30, 60 }[random.Next(3)];

        var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            GetScheduleEndpoint.WriteAnswer(writer, graph, ids, window, interval, zone, zoneName, me);
        }
        var dom = new JsonObject
        {
            ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)",
            ["value"] = new JsonArray(ids.Select(id => (JsonNode?)Schedule(graph.FindMailbox(id), id, window, interval, zone, zoneName, me)).ToArray()),
        };

        Assert.That(System.Text.Encoding.UTF8.GetString(stream.ToArray()), Is.EqualTo(dom.ToJsonString()));
    }

    // The fake's earlier builder, verbatim: the definition of its answer.
    private static JsonObject Schedule(FakeMailbox? mailbox, string id, Interval window, int interval, DateTimeZone zone, string zoneName, string? me)
    {
        var error = mailbox is null ? FakeScheduleError.UnknownAddress(id) : mailbox.Error;
        if (error is not null)
        {
            return new JsonObject
            {
                ["scheduleId"] = id,
                ["availabilityView"] = "",
                ["error"] = new JsonObject { ["message"] = error.Message, ["responseCode"] = error.ResponseCode },
            };
        }
        var items = mailbox!.Items.Where(i => i.Start < window.End && window.Start < i.End).OrderBy(i => i.Start).ToArray();
        var schedule = new JsonObject
        {
            ["scheduleId"] = id,
            ["availabilityView"] = GetScheduleEndpoint.AvailabilityView(items, window, interval),
            ["scheduleItems"] = new JsonArray(items.Select(i => Item(i, mailbox.SharesDetails || (me is not null && mailbox.SharesDetailsWith.Contains(me)), zone, zoneName)).ToArray<JsonNode?>()),
        };
        if (mailbox.WorkingHours is { } hours)
        {
            schedule["workingHours"] = new JsonObject
            {
                ["daysOfWeek"] = new JsonArray(hours.Days.Select(d => (JsonNode?)d.ToString().ToLowerInvariant()).ToArray()),
                ["startTime"] = GraphTime.Format(hours.Start),
                ["endTime"] = GraphTime.Format(hours.End),
                ["timeZone"] = hours.TimeZone.DeepClone(),
            };
        }
        return schedule;
    }

    private static JsonObject Item(FakeItem item, bool details, DateTimeZone zone, string zoneName)
    {
        var json = new JsonObject { ["isPrivate"] = item.IsPrivate, ["status"] = item.Status };
        if (details && item.Subject is not null) json["subject"] = item.Subject;
        if (details && item.Location is not null) json["location"] = item.Location;
        json["start"] = DateTimeTimeZone(item.Start, zone, zoneName);
        json["end"] = DateTimeTimeZone(item.End, zone, zoneName);
        return json;
    }

    private static JsonObject DateTimeTimeZone(Instant instant, DateTimeZone zone, string zoneName) =>
        new() { ["dateTime"] = GraphDateTime.Format(instant.InZone(zone).LocalDateTime), ["timeZone"] = zoneName };
}
