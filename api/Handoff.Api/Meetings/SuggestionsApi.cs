using Handoff.Api.Infrastructure;
using Handoff.Scheduling.Suggestions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Handoff.Api.Meetings;

public static class SuggestionsApi
{
    /// <summary>Maps POST /suggestions on the meetings group.</summary>
    public static RouteGroupBuilder MapSuggestions(this RouteGroupBuilder group)
    {
        group.MapPost("/suggestions", SuggestAsync)
            .WithName("SuggestMeetingTimes")
            .WithSummary("Suggest times for a draft meeting")
            .WithDescription("Returns ranked slots that raise no blocker, for the invited RSM and alternatives (territory owner, vertical specialist), " +
                             "with every party's local time and the reasons each slot is good.")
            .WithValidation<SuggestionsRequest>();
        return group;
    }

    public static async Task<Ok<SuggestionsResponse>> SuggestAsync(SuggestionsRequest request, SuggestionService suggestions, CancellationToken cancellationToken)
    {
        var result = await suggestions.SuggestAsync(request.ToQuery(), cancellationToken);
        return TypedResults.Ok(SuggestionsResponse.From(result));
    }
}
