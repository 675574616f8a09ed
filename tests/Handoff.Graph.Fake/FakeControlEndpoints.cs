using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Handoff.Graph.Fake;

/// <summary>
/// Lets a person or a benchmark steer a running fake: see the recorded requests, script faults, add latency.
/// Under /fake, outside Graph's URL space.
/// </summary>
public static class FakeControlEndpoints
{
    public static IEndpointRouteBuilder MapFakeControl(this IEndpointRouteBuilder routes, FakeGraph graph)
    {
        var fake = routes.MapGroup("/fake");
        fake.MapGet("/requests", () => Results.Json(new
        {
            scheduleCalls = graph.ScheduleCalls,
            maxInFlight = graph.MaxInFlight,
            requests = graph.Requests.Select(r => new { r.Method, r.Path, r.Schedules, r.StartTime, r.EndTime, r.Prefer, r.RetryAttempt }),
        }));
        fake.MapGet("/sent-mail", () => Results.Json(graph.Outbox.Sent.Select(m => new { m.Mailbox, m.Subject, m.To, m.Headers })));
        fake.MapGet("/mailboxes", () => Results.Json(graph.Mailboxes.Select(m => new { m.Email, items = m.Items.Count, error = m.Error?.ResponseCode })));
        // { "status": 429, "retryAfter": 30, "count": 1 } or { "delayMs": 10000 } or { "status": 503, "persistent": true }
        fake.MapPost("/faults", (JsonObject body) =>
        {
            var fault = body["delayMs"] is JsonValue delay
                ? FakeFault.Delay(TimeSpan.FromMilliseconds(delay.GetValue<int>()))
                : FakeFault.Status(body["status"]?.GetValue<int>() ?? 503, body["retryAfter"]?.GetValue<int>());
            if (body["persistent"]?.GetValue<bool>() == true)
            {
                graph.PersistentFault = fault;
            }
            else
            {
                graph.Enqueue(Enumerable.Repeat(fault, body["count"]?.GetValue<int>() ?? 1).ToArray());
            }
            return Results.NoContent();
        });
        fake.MapPost("/latency/{milliseconds:int}", (int milliseconds) =>
        {
            graph.Latency = TimeSpan.FromMilliseconds(milliseconds);
            return Results.NoContent();
        });
        fake.MapPost("/reset", () =>
        {
            graph.Reset();
            return Results.NoContent();
        });
        return routes;
    }
}
