using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Handoff.Api.Bench;

public static class BenchApi
{
    /// <summary>
    /// With <c>Bench:Enabled</c>: <c>POST /api/v1/meetings/echo</c> on the meetings group, so it shares the check's
    /// middleware, auth and conventions but does no work. The HTTP load test compares the check against it, which
    /// isolates what the check itself costs (binding, validation, the core, serialisation). Hidden from OpenAPI.
    /// </summary>
    public static RouteGroupBuilder MapBenchBaseline(this RouteGroupBuilder meetings)
    {
        if (((IEndpointRouteBuilder)meetings).ServiceProvider.GetRequiredService<IOptions<BenchOptions>>().Value.Enabled)
        {
            meetings.MapPost("/echo", Echo).WithName("BenchEcho").ExcludeFromDescription();
        }
        return meetings;
    }

    public static Ok<EchoResponse> Echo() => TypedResults.Ok(EchoResponse.Instance);
}

/// <summary>A small fixed JSON answer, serialised like any other (camelCase, enums as strings).</summary>
public sealed record EchoResponse(string Verdict)
{
    public static readonly EchoResponse Instance = new("ok");
}
