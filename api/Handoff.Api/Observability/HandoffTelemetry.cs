using System.Diagnostics;
using System.Diagnostics.Metrics;
using Handoff.Api.Meetings;

namespace Handoff.Api.Observability;

/// <summary>
/// The API's own OpenTelemetry signals (meter and activity source "Handoff.Api"): checks by verdict. Graph
/// calls and cache hits come from <see cref="Handoff.Graph.GraphMetrics"/>.
/// </summary>
public static class HandoffTelemetry
{
    public const string Name = "Handoff.Api";

    public static readonly ActivitySource Activities = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Checks = Meter.CreateCounter<long>("handoff.checks", "{check}", "Meeting checks answered, by verdict.");

    private static readonly Histogram<int> RsmsPerCheck = Meter.CreateHistogram<int>("handoff.check.rsms", "{rsm}", "RSMs on a checked invite.");

    /// <summary>The key under which a check leaves its RSM count for the request log.</summary>
    public const string RsmCountItem = "handoff.rsmCount";

    public static void Checked(HttpContext context, CheckResponse response)
    {
        var verdict = response.Verdict.ToString().ToLowerInvariant();
        Checks.Add(1, new KeyValuePair<string, object?>("verdict", verdict));
        RsmsPerCheck.Record(response.Rsms.Count);
        context.Items[RsmCountItem] = response.Rsms.Count;
        Activity.Current?.SetTag("handoff.verdict", verdict);
        Activity.Current?.SetTag("handoff.rsm_count", response.Rsms.Count);
    }
}

/// <summary>Counts every answered check (verdict, RSMs) for metrics, the trace and the request log.</summary>
public sealed class CheckTelemetryFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (result is Microsoft.AspNetCore.Http.HttpResults.Ok<CheckResponse> { Value: { } response })
        {
            HandoffTelemetry.Checked(context.HttpContext, response);
        }
        return result;
    }
}
