using System.Text.Json.Serialization;
using Handoff.Api.Infrastructure;
using Handoff.Api.Meetings;
using Handoff.Api.Routing;
using Handoff.Api.Territories;
using Handoff.Scheduling.Leads;
using Handoff.Scheduling.Suggestions;
using Handoff.Scheduling.Time;

namespace Handoff.Api.Leads.Routing;

/// <summary>
/// The routed lead in one round trip. <see cref="Rsm"/> and <see cref="Territory"/> are written as null (not left
/// out) when there is none, so a web form can rely on the shape; <see cref="Warnings"/> then says why.
/// </summary>
/// <param name="Rsm">The RSM the territory's assignment mode picked.</param>
/// <param name="Mode">The assignment mode that picked: priority (today's default), roundRobin, firstAvailable, performance.</param>
/// <param name="Reasons">Why, with stable codes (TERRITORY_OWNER, VERTICAL_SPECIALIST, …).</param>
/// <param name="Explanation">Why, in one sentence for people.</param>
/// <param name="Slots">The picked RSM's earliest feasible slots (every check rule: hours, prospect hours, holidays, travel), earliest first.</param>
/// <param name="Alternatives">The pool's other RSMs with their earliest slots.</param>
/// <param name="LiveNow">Who can take a live handoff now: inside working hours, nothing on the calendar for the next 30 minutes; the picked RSM first.</param>
/// <param name="Warnings">Guesses and gaps (LEAD_PLACE_UNKNOWN, PROSPECT_PLACE_AMBIGUOUS, CALENDAR_UNAVAILABLE, …): never a silent guess.</param>
/// <param name="TimeZone">The zone the search days were counted in (the place's, unless the request named one).</param>
public sealed record LeadRouteResponse(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] OwnerRsmDto? Rsm,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Mode,
    IReadOnlyList<ReasonDto> Reasons,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Explanation,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] OwnerTerritoryDto? Territory,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] OwnerPlaceDto? Place,
    ProspectDto Prospect,
    IReadOnlyList<SuggestionDto> Slots,
    IReadOnlyList<AlternativeRsmDto> Alternatives,
    IReadOnlyList<LiveRsmDto> LiveNow,
    IReadOnlyList<ReasonDto> Warnings,
    LeadRefDto Lead,
    string TimeZone,
    string WindowStart,
    string WindowEnd)
{
    /// <summary>The mode's standings behind the pick (counts, fair shares, absences, earliest slots); null in priority mode.</summary>
    public PickDto? Routing { get; init; }

    public static LeadRouteResponse From(LeadRoute route, LeadRefDto lead) => new(
        OwnerRsmDto.From(route.Pick?.Rsm),
        route.Pick?.Mode,
        route.Pick?.Reasons.Select(r => new ReasonDto(r.Code, r.Message)).ToArray() ?? [],
        route.Pick?.Explanation,
        route.Territory?.Territory is { } t ? new OwnerTerritoryDto(t.Id, t.Name) : null,
        route.Where.Place is { } p ? new OwnerPlaceDto(p.Label, p.Point.Latitude, p.Point.Longitude) : null,
        ProspectDto.From(route.Prospect),
        route.Slots.Select(SuggestionDto.From).ToArray(),
        route.Alternatives.Select(AlternativeRsmDto.From).ToArray(),
        route.LiveNow.Select(l => new LiveRsmDto(new OwnerRsmDto(l.Rsm.Email, l.Rsm.DisplayName, l.Zone.Id), Instants.Format(l.FreeUntil), l.Message)).ToArray(),
        route.Warnings.Select(w => new ReasonDto(w.Code, w.Message)).ToArray(),
        lead,
        route.DisplayZone.Id,
        route.Window.Start.ToString("uuuu-MM-dd", null),
        route.Window.End.ToString("uuuu-MM-dd", null)) { Routing = PickDto.From(route.Pick?.Pool) };
}

/// <param name="Role">owner, specialist or territoryMember.</param>
/// <param name="Notice">Why there are no slots (a calendar that could not be read, a full window).</param>
public sealed record AlternativeRsmDto(OwnerRsmDto Rsm, RsmRole Role, IReadOnlyList<SuggestionDto> Slots, string? Notice)
{
    public static AlternativeRsmDto From(RsmSlots s) =>
        new(new OwnerRsmDto(s.Rsm.Email, s.Rsm.DisplayName, s.Rsm.Zone?.Id), s.Role, s.Slots.Select(SuggestionDto.From).ToArray(), s.Notice);
}

/// <param name="FreeUntil">ISO 8601 instant: the RSM's next calendar item or the end of their working day.</param>
public sealed record LiveRsmDto(OwnerRsmDto Rsm, string FreeUntil, string Message);

/// <summary>The stored lead context this call wrote (or left unchanged): GET /api/v1/leads/{email}.</summary>
public sealed record LeadRefDto(string Email, int Version, bool Created, bool Changed);
