using Handoff.Api.Infrastructure;
using Handoff.Scheduling.Checks;
using Microsoft.AspNetCore.Http.HttpResults;

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
            .WithValidation<CheckRequest>();

        return group;
    }

    public static async Task<Ok<CheckResponse>> CheckAsync(CheckRequest request, MeetingCheckService checks, CancellationToken cancellationToken)
    {
        var result = await checks.CheckAsync(request.ToMeetingRequest(), cancellationToken);
        return TypedResults.Ok(CheckResponse.From(result));
    }
}
