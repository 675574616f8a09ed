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
            .WithValidation<SuggestionsRequest, ParsedSuggestions>();
        return group;
    }

    public static async Task<Ok<SuggestionsResponse>> SuggestAsync(
        SuggestionsRequest request, HttpContext http, SuggestionService suggestions, CancellationToken cancellationToken)
    {
        // The body as the validation filter read it, once (request is bound from JSON for the filters).
        var result = await suggestions.SuggestAsync(http.Parsed<ParsedSuggestions>().ToQuery(), cancellationToken);
        return TypedResults.Ok(SuggestionsResponse.From(result));
    }
}
