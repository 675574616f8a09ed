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
            .WithValidation<CheckRequest>()
            .AddEndpointFilter<Observability.CheckTelemetryFilter>()
            .AddEndpointFilter<Outcomes.CheckLog.CheckLogFilter>(); // logs the draft's checks by handoff key, off the request path
        group.MapSuggestions();

        return group;
    }

    public static async Task<Ok<CheckResponse>> CheckAsync(
        CheckRequest request, MeetingCheckService checks, SuggestionService suggestions, Handoffs.HandoffGate gate, IClock clock, CalendarAccess access, CancellationToken cancellationToken)
    {
        var meeting = request.ToMeetingRequest();
        var result = await gate.ApplyAsync(await checks.CheckAsync(meeting, cancellationToken), request.Notes, cancellationToken);
        var response = CheckResponse.From(result) with { CalendarAccess = access.Problem };
        if (result.Verdict == Verdict.Blocked)
        {
            // A blocked time comes with better ones: one more calendar read, over the window around it.
            var better = await suggestions.SuggestAsync(SuggestionQuery.InsteadOf(meeting, clock.GetCurrentInstant()), cancellationToken);
            response = response with { Suggestions = better.Suggestions.Select(SuggestionDto.From).ToArray() };
        }
        return TypedResults.Ok(response);
    }
}
