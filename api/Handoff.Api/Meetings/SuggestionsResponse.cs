using Handoff.Api.Infrastructure;
using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Suggestions;

namespace Handoff.Api.Meetings;

/// <summary>Ranked slots, best first; <see cref="Notices"/> says what limited the search (e.g. a calendar that could not be read).</summary>
public sealed record SuggestionsResponse(IReadOnlyList<SuggestionDto> Suggestions, IReadOnlyList<string>? Notices)
{
    public static SuggestionsResponse From(SuggestionResult result) =>
        new(result.Suggestions.Select(SuggestionDto.From).ToArray(), result.Notices.Count == 0 ? null : result.Notices);
}

/// <param name="Start">ISO 8601 UTC instant, e.g. "2026-12-03T17:00:00Z".</param>
/// <param name="IsAlternativeRsm">True when <paramref name="Rsm"/> is not the RSM on the invite (territory owner, specialist).</param>
/// <param name="Times">Every party's local time, as in the check response.</param>
/// <param name="Reasons">Why this slot is good, with stable codes (PROSPECT_BUSINESS_HOURS, NEAR_RSM_MEETING, …).</param>
public sealed record SuggestionDto(string Start, string End, RsmDto Rsm, bool IsAlternativeRsm, IReadOnlyList<PartyTimeDto> Times, IReadOnlyList<ReasonDto> Reasons)
{
    public static SuggestionDto From(Suggestion s) => new(
        Instants.Format(s.Slot.Start),
        Instants.Format(s.Slot.End),
        // The RSM's zone as the suggestion's times give it (an address compares as an address, not as a string).
        RsmDto.From(s.Rsm, (s.Times.FirstOrDefault(t => t.Party.Kind == PartyKind.Rsm && EmailAddress.Same(t.Party.Email, s.Rsm.Email))?.Zone ?? s.Rsm.Zone)?.Id ?? ""),
        s.IsAlternativeRsm,
        PartyTimeDto.All(s.Times),
        s.Reasons.Select(r => new ReasonDto(r.Code, r.Message)).ToArray());
}

public sealed record ReasonDto(string Code, string Message);
