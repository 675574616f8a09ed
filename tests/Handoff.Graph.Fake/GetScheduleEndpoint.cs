using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace Handoff.Graph.Fake;

/// <summary>
/// POST …/users/{id}/calendar/getSchedule (and …/me/…) as Graph v1.0 answers it: scheduleInformation with
/// camelCase names, enums as lower-case strings, 7-digit local date-times in the Prefer zone (default UTC),
/// 200 with a per-schedule error for unknown addresses, Graph's error body for HTTP errors.
/// </summary>
internal static class GetScheduleEndpoint
{
    private static readonly LocalTimePattern GraphTime = LocalTimePattern.CreateWithInvariantCulture("HH':'mm':'ss'.'fffffff");
    private static readonly TzdbDateTimeZoneSource Tzdb = TzdbDateTimeZoneSource.Default;

    public static async Task HandleAsync(HttpContext context, FakeGraph graph)
    {
        var request = context.Request;
        var body = await new StreamReader(request.Body).ReadToEndAsync(context.RequestAborted);
        var parsed = GetScheduleRequest.Parse(body);
        graph.Record(new RecordedRequest(request.Method, request.Path, Header(request, "Authorization"), Header(request, "Prefer"),
            Header(request, "Retry-Attempt"), parsed.Schedules, parsed.Start?.Text, parsed.End?.Text, parsed.Interval, body));

        using var inFlight = graph.Enter();
        await Task.Delay(graph.Latency, context.RequestAborted);
        switch (graph.NextFault())
        {
            case StatusFault fault:
                await Error(context, fault.StatusCode, fault.Code ?? "generalException", $"Scripted fault {fault.StatusCode}.", fault.RetryAfterSeconds);
                return;
            case MalformedFault:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("<html><body>502 Bad Gateway</body></html>", context.RequestAborted);
                return;
            case DelayFault slow:
                await Task.Delay(slow.Duration, context.RequestAborted);
                break;
        }
        var authorization = Header(request, "Authorization");
        var bearer = authorization?.StartsWith("Bearer ", StringComparison.Ordinal) == true ? authorization[7..] : null;
        var me = bearer is null ? null : graph.DelegatedTokens.GetValueOrDefault(bearer);
        var restricted = graph.RequiredToken is not null || !graph.DelegatedTokens.IsEmpty;
        if (authorization is null || (restricted && me is null && bearer != graph.RequiredToken))
        {
            await Error(context, 401, "InvalidAuthenticationToken", authorization is null ? "Access token is empty." : "Access token validation failure.");
            return;
        }
        var onMe = request.Path.Value?.Contains("/me/", StringComparison.OrdinalIgnoreCase) == true;
        if (onMe && me is null && !graph.DelegatedTokens.IsEmpty)
        {
            // Graph refuses /me with an app-only token.
            await Error(context, 400, "BadRequest", "/me request is only valid with delegated authentication flow.");
            return;
        }
        if (parsed.Problem is { } problem)
        {
            await Error(context, 400, "ErrorInvalidParameter", problem);
            return;
        }

        var zone = PreferZone(Header(request, "Prefer"), out var zoneName);
        var window = new Interval(parsed.Start!.Value.Instant, parsed.End!.Value.Instant);
        // Written as it is built, straight to the body: a 20-mailbox, 14-day answer is ~1 MB, and a DOM of it first
        // cost the fake tens of milliseconds per read (its time counts against the check's budget in the benchmarks).
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        WriteAnswer(writer, graph, parsed.Schedules, window, parsed.Interval ?? 30, zone, zoneName, onMe ? me : null);
        await writer.FlushAsync(context.RequestAborted);
    }

    /// <summary>The scheduleInformation collection for these schedules, as Graph writes it.</summary>
    internal static void WriteAnswer(Utf8JsonWriter json, FakeGraph graph, IReadOnlyList<string> schedules, Interval window, int interval, DateTimeZone zone, string zoneName, string? me)
    {
        json.WriteStartObject();
        json.WriteString("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)");
        json.WriteStartArray("value");
        foreach (var id in schedules)
        {
            WriteSchedule(json, graph.FindMailbox(id), id, window, interval, zone, zoneName, me);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSchedule(Utf8JsonWriter json, FakeMailbox? mailbox, string id, Interval window, int interval, DateTimeZone zone, string zoneName, string? me)
    {
        json.WriteStartObject();
        json.WriteString("scheduleId", id);
        var error = mailbox is null ? FakeScheduleError.UnknownAddress(id) : mailbox.Error;
        if (error is not null)
        {
            json.WriteString("availabilityView", "");
            json.WriteStartObject("error");
            json.WriteString("message", error.Message);
            json.WriteString("responseCode", error.ResponseCode);
            json.WriteEndObject();
            json.WriteEndObject();
            return;
        }
        var items = mailbox!.Overlapping(window);
        var details = mailbox.SharesDetails || (me is not null && mailbox.SharesDetailsWith.Contains(me));
        json.WriteString("availabilityView", AvailabilityView(items, window, interval));
        json.WriteStartArray("scheduleItems");
        foreach (var item in items)
        {
            json.WriteStartObject();
            json.WriteBoolean("isPrivate", item.IsPrivate);
            json.WriteString("status", item.Status);
            if (details && item.Subject is not null) json.WriteString("subject", item.Subject);
            if (details && item.Location is not null) json.WriteString("location", item.Location);
            WriteDateTimeTimeZone(json, "start", item.Start, zone, zoneName);
            WriteDateTimeTimeZone(json, "end", item.End, zone, zoneName);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (mailbox.WorkingHours is { } hours)
        {
            json.WriteStartObject("workingHours");
            json.WriteStartArray("daysOfWeek");
            foreach (var day in hours.Days)
            {
                json.WriteStringValue(day.ToString().ToLowerInvariant());
            }
            json.WriteEndArray();
            json.WriteString("startTime", GraphTime.Format(hours.Start));
            json.WriteString("endTime", GraphTime.Format(hours.End));
            json.WritePropertyName("timeZone");
            hours.TimeZone.WriteTo(json);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static readonly JsonEncodedText DateTimeName = JsonEncodedText.Encode("dateTime");
    private static readonly JsonEncodedText TimeZoneName = JsonEncodedText.Encode("timeZone");

    private static void WriteDateTimeTimeZone(Utf8JsonWriter json, string name, Instant instant, DateTimeZone zone, string zoneName)
    {
        json.WriteStartObject(name);
        // Graph's 7-digit layout is DateTime's round-trip format for a local (unspecified) time; written as UTF-8 in place.
        var local = zone == DateTimeZone.Utc ? instant.InUtc().LocalDateTime : instant.InZone(zone).LocalDateTime;
        Span<byte> text = stackalloc byte[32];
        if (!local.ToDateTimeUnspecified().TryFormat(text, out var written, "O", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"{local} does not fit Graph's layout.");
        }
        json.WriteString(DateTimeName, text[..written]);
        json.WriteString(TimeZoneName, zoneName);
        json.WriteEndObject();
    }

    /// <summary>
    /// One digit per slot: 0 free (or working elsewhere), 1 tentative, 2 busy, 3 out of office; the most serious item
    /// overlapping the slot wins. Each item marks the slots it overlaps (a sweep over the items, not a scan of every item
    /// for every slot: a 14-day read of 20 mailboxes is ~13,000 slots), so the fake answers in a few milliseconds, as
    /// Graph's own server time does not count against the client's budget.
    /// </summary>
    internal static string AvailabilityView(FakeItem[] items, Interval window, int interval)
    {
        var slot = Duration.FromMinutes(interval).BclCompatibleTicks;
        var origin = window.Start.ToUnixTimeTicks();
        var span = window.End.ToUnixTimeTicks() - origin;
        if (span <= 0)
        {
            return "";
        }
        var count = (int)((span + slot - 1) / slot);
        var digits = new int[count];
        foreach (var item in items)
        {
            var digit = item.Status switch { "tentative" => 1, "busy" => 2, "oof" => 3, _ => 0 };
            var from = item.Start.ToUnixTimeTicks() - origin;
            var to = item.End.ToUnixTimeTicks() - origin;
            if (digit == 0 || to <= 0 || from >= count * slot)
            {
                continue;
            }
            // Slots [s·slot, (s+1)·slot) with s·slot < to and (s+1)·slot > from.
            var first = from <= 0 ? 0 : (int)(from / slot);
            var last = (int)Math.Min(count - 1, (to - 1) / slot);
            for (var s = first; s <= last; s++)
            {
                digits[s] = Math.Max(digits[s], digit);
            }
        }
        return string.Create(count, digits, static (chars, d) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)('0' + d[i]);
            }
        });
    }

    /// <summary>Prefer: outlook.timezone="…" takes a Windows or IANA name; Graph echoes the name in each dateTimeTimeZone.</summary>
    private static DateTimeZone PreferZone(string? prefer, out string name)
    {
        name = "UTC";
        const string Key = "outlook.timezone=";
        var at = prefer?.IndexOf(Key, StringComparison.OrdinalIgnoreCase) ?? -1;
        if (at < 0)
        {
            return DateTimeZone.Utc;
        }
        name = prefer![(at + Key.Length)..].Split(',')[0].Trim().Trim('"');
        return Resolve(name) ?? DateTimeZone.Utc;
    }

    internal static DateTimeZone? Resolve(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Equals("UTC", StringComparison.OrdinalIgnoreCase))
        {
            return DateTimeZone.Utc;
        }
        if (Tzdb.WindowsMapping.PrimaryMapping.TryGetValue(name, out var iana))
        {
            name = iana;
        }
        return DateTimeZoneProviders.Tzdb.GetZoneOrNull(name);
    }

    internal static string? Header(HttpRequest request, string name) => request.Headers.TryGetValue(name, out var value) ? value.ToString() : null;

    internal static Task Error(HttpContext context, int status, string code, string message, int? retryAfter = null)
    {
        if (retryAfter is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }
        var requestId = Guid.NewGuid().ToString();
        return Json(context, status, new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = code,
                ["message"] = message,
                ["innerError"] = new JsonObject { ["request-id"] = requestId, ["client-request-id"] = requestId },
            },
        });
    }

    private static async Task Json(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        // Written straight to the body (a 20-mailbox, 14-day answer is ~1 MB): no string of it first.
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        body.WriteTo(writer);
        await writer.FlushAsync(context.RequestAborted);
    }
}
