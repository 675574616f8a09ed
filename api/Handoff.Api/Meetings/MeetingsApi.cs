using Handoff.Api.Graph.OnBehalfOf;
using Handoff.Api.Infrastructure;
using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Suggestions;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Handoff.Api.Meetings;

public static class MeetingsApi
{
    public static RouteGroupBuilder MapMeetings(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/meetings").WithTags("Meetings").RequireAuthorization(Auth.Policies.Sdr);

        group.MapPost("/check", CheckAsync)
            .WithName("CheckMeeting")
            .WithSummary("Check a draft meeting")
            .WithDescription("Returns the verdict, every party's local time, and warnings about hours, calendars and time zones.")
            .WithValidation<CheckRequest, ParsedCheck>()
            .AddEndpointFilter<Observability.CheckTelemetryFilter>()
            .AddEndpointFilter<Outcomes.CheckLog.CheckLogFilter>(); // logs the draft's checks by handoff key, off the request path
        group.MapSuggestions();

        return group;
    }

    public static async Task<Ok<CheckResponse>> CheckAsync(
        CheckRequest request, HttpContext http, MeetingCheckService checks, Handoffs.HandoffGate gate, CalendarAccess access, CancellationToken cancellationToken)
    {
        // The body as the validation filter read it, once: instants, zones and addresses in their types.
        var check = http.Parsed<ParsedCheck>();
        // A blocked time comes with better ones, found by the core in the same scene and calendar read.
        var outcome = await checks.CheckAsync(check.ToMeetingRequest(), suggestWhenBlocked: true, cancellationToken);
        var result = await gate.ApplyAsync(outcome.Check, check.Notes, cancellationToken);
        var response = CheckResponse.From(result) with { CalendarAccess = access.Problem };
        if (outcome.Suggestions is { } better)
        {
            response = response with { Suggestions = better.Suggestions.Select(SuggestionDto.From).ToArray() };
        }
        return TypedResults.Ok(response);
    }
}
