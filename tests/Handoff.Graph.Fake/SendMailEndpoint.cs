using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Handoff.Graph.Fake;

/// <summary>A message Graph accepted (202) for sending.</summary>
public sealed record FakeSentMail(string Mailbox, string Subject, string ContentType, string Content, IReadOnlyList<string> To,
    IReadOnlyList<string> ReplyTo, IReadOnlyDictionary<string, string> Headers, bool SaveToSentItems, string? Authorization);

/// <summary>
/// POST …/users/{id}/sendMail and …/me/sendMail as Graph v1.0 defines the action: parameters Message
/// (microsoft.graph.message) and SaveToSentItems (Edm.Boolean), read case-insensitively as the SDK writes them
/// PascalCase; 202 Accepted with no body; ErrorInvalidUser (404) for a mailbox the fake does not know;
/// ErrorInvalidRecipients (400) without a recipient. Scripted faults apply as to getSchedule. A request the caller
/// abandons before the answer (a killed process) is not delivered.
/// </summary>
internal static class SendMailEndpoint
{
    public static async Task HandleAsync(HttpContext context, FakeGraph graph, string? mailbox)
    {
        var request = context.Request;
        var text = await new StreamReader(request.Body).ReadToEndAsync(context.RequestAborted);
        graph.Record(new RecordedRequest(request.Method, request.Path, GetScheduleEndpoint.Header(request, "Authorization"), null,
            GetScheduleEndpoint.Header(request, "Retry-Attempt"), [], null, null, null, text));

        using var inFlight = graph.Enter();
        await Task.Delay(graph.Latency, context.RequestAborted);
        switch (graph.NextMailFault())
        {
            case StatusFault fault:
                await GetScheduleEndpoint.Error(context, fault.StatusCode, fault.Code ?? "generalException", $"Scripted fault {fault.StatusCode}.", fault.RetryAfterSeconds);
                return;
            case MalformedFault:
                await GetScheduleEndpoint.Error(context, 502, "BadGateway", "Scripted malformed answer.");
                return;
            case DelayFault slow:
                await Task.Delay(slow.Duration, context.RequestAborted);
                break;
        }
        var authorization = GetScheduleEndpoint.Header(request, "Authorization");
        var bearer = authorization?.StartsWith("Bearer ", StringComparison.Ordinal) == true ? authorization["Bearer ".Length..] : null;
        var delegatedUser = bearer is null ? null : graph.DelegatedTokens.GetValueOrDefault(bearer);
        var appOnly = bearer is not null && graph.AppTokens.ContainsKey(bearer);
        var restricted = graph.RequiredToken is not null || !graph.DelegatedTokens.IsEmpty || !graph.AppTokens.IsEmpty;
        if (authorization is null || (restricted && delegatedUser is null && !appOnly && bearer != graph.RequiredToken))
        {
            await GetScheduleEndpoint.Error(context, 401, "InvalidAuthenticationToken", authorization is null ? "Access token is empty." : "Access token validation failure.");
            return;
        }
        if (mailbox is null && appOnly)
        {
            await GetScheduleEndpoint.Error(context, 400, "BadRequest", "/me request is only valid with delegated authentication flow.");
            return;
        }
        if (delegatedUser is not null && graph.DelegatedScopes.TryGetValue(bearer!, out var scopes)
            && !scopes.Any(s => s.EndsWith("/Mail.Send", StringComparison.OrdinalIgnoreCase)))
        {
            await GetScheduleEndpoint.Error(context, 403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
            return;
        }
        // Delegated: /me is the token's user; a delegated token may send only as that user (no Send As grants here).
        var sender = mailbox ?? delegatedUser ?? graph.Me;
        if (delegatedUser is not null && !string.Equals(sender, delegatedUser, StringComparison.OrdinalIgnoreCase))
        {
            await GetScheduleEndpoint.Error(context, 403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
            return;
        }
        if (sender is null || graph.FindMailbox(sender) is null)
        {
            await GetScheduleEndpoint.Error(context, 404, "ErrorInvalidUser", $"The requested user '{sender}' is invalid.");
            return;
        }
        JsonObject? body;
        try
        {
            body = JsonNode.Parse(text) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            body = null;
        }
        var message = Get(body, "message") as JsonObject;
        if (message is null)
        {
            await GetScheduleEndpoint.Error(context, 400, "ErrorInvalidRequest", "The 'Message' parameter is required.");
            return;
        }
        var to = Addresses(Get(message, "toRecipients"));
        if (to.Count == 0)
        {
            await GetScheduleEndpoint.Error(context, 400, "ErrorInvalidRecipients", "At least one recipient is not valid., A message can't be sent because it contains no recipients.");
            return;
        }
        var itemBody = Get(message, "body") as JsonObject;
        var headers = (Get(message, "internetMessageHeaders") as JsonArray ?? [])
            .OfType<JsonObject>().Where(h => Get(h, "name") is not null)
            .ToDictionary(h => Get(h, "name")!.GetValue<string>(), h => Get(h, "value")?.GetValue<string>() ?? "", StringComparer.OrdinalIgnoreCase);
        if (headers.Keys.Any(k => !k.StartsWith("X-", StringComparison.OrdinalIgnoreCase)))
        {
            await GetScheduleEndpoint.Error(context, 400, "InvalidInternetMessageHeader", "The internet message header name should start with 'x-' or 'X-'.");
            return;
        }
        var mail = new FakeSentMail(sender, Get(message, "subject")?.GetValue<string>() ?? "", Get(itemBody, "contentType")?.GetValue<string>() ?? "text",
            Get(itemBody, "content")?.GetValue<string>() ?? "", to, Addresses(Get(message, "replyTo")), headers,
            Get(body, "saveToSentItems")?.GetValue<bool>() ?? true, authorization);
        // Delivered only if the caller is still there to hear the 202.
        context.RequestAborted.ThrowIfCancellationRequested();
        graph.Deliver(mail);
        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    private static JsonNode? Get(JsonObject? obj, string name) =>
        obj?.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static List<string> Addresses(JsonNode? recipients) =>
        (recipients as JsonArray ?? []).OfType<JsonObject>()
            .Select(r => Get(Get(r, "emailAddress") as JsonObject, "address")?.GetValue<string>())
            .OfType<string>().ToList();
}

/// <summary>The mail side of <see cref="FakeGraph"/>.</summary>
public sealed class FakeOutbox
{
    private readonly ConcurrentQueue<FakeSentMail> _sent = new();

    public IReadOnlyList<FakeSentMail> Sent => _sent.ToArray();

    internal void Add(FakeSentMail mail) => _sent.Enqueue(mail);

    public void Clear() => _sent.Clear();
}
