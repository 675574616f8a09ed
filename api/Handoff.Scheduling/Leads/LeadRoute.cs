using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Routing;
using Handoff.Scheduling.Suggestions;
using NodaTime;

namespace Handoff.Scheduling.Leads;

/// <summary>
/// An inbound lead to route: who (their e-mail says the prospect's country), where (the text a web form has:
/// an address, "City, ST", a postal code or coordinates), what (vertical), and how long the first meeting is.
/// <see cref="DisplayZone"/> words the answer's times; null means the place's zone (else UTC).
/// </summary>
public sealed record LeadToRoute(
    string Email,
    string? Location,
    string? Vertical,
    Duration Length,
    DateTimeZone? ProspectZone = null,
    DateTimeZone? DisplayZone = null,
    int BusinessDays = 10,
    int SlotsPerRsm = 3)
{
    public const int MaxSlotsPerRsm = 10;
}

/// <summary>The routed lead: whom the territory's mode picked and why, bookable slots, who can talk right now.</summary>
/// <param name="Pick">Null when nobody could be picked (no place, no territory, no specialist); <see cref="Warnings"/> say why.</param>
/// <param name="Slots">The picked RSM's earliest feasible slots, earliest first.</param>
/// <param name="Alternatives">Every other RSM of the pool with their earliest slots, in the pool's order.</param>
/// <param name="LiveNow">RSMs of the pool inside working hours with nothing on the calendar for the next <see cref="LiveHandoff.Window"/>.</param>
public sealed record LeadRoute(
    LeadPick? Pick,
    IReadOnlyList<Suggestion> Slots,
    IReadOnlyList<RsmSlots> Alternatives,
    IReadOnlyList<LiveRsm> LiveNow,
    TerritoryMatch? Territory,
    ProspectContext Prospect,
    LocationMatch Where,
    IReadOnlyList<RouteWarning> Warnings,
    DateInterval Window,
    DateTimeZone DisplayZone,
    Instant Now);

/// <summary>Another RSM of the pool and their earliest slots (empty with a notice when none fits).</summary>
public sealed record RsmSlots(RsmProfile Rsm, RsmRole Role, IReadOnlyList<Suggestion> Slots, string? Notice);

/// <summary>An RSM who can take the lead on the phone now: free until at least <see cref="FreeUntil"/>.</summary>
public sealed record LiveRsm(RsmProfile Rsm, DateTimeZone Zone, Instant FreeUntil, string Message);

/// <summary>Something the caller must know, with a stable code (<see cref="RouteCodes"/>); a guess is never silent.</summary>
public sealed record RouteWarning(string Code, string Message);

/// <summary>The stable codes of lead routing. Never rename one: web forms and the CRM key on them.</summary>
public static class RouteCodes
{
    /// <summary>The place could not be put on the map: routed by vertical only, or not at all.</summary>
    public const string PlaceUnknown = "LEAD_PLACE_UNKNOWN";
    /// <summary>The place has several readings: routed by the most likely one, the others listed.</summary>
    public const string PlaceAmbiguous = WarningCodes.ProspectPlaceAmbiguous;
    /// <summary>No place was given.</summary>
    public const string NoPlace = "LEAD_NO_PLACE";
    /// <summary>The place lies in no territory.</summary>
    public const string NoTerritory = "LEAD_NO_TERRITORY";
    /// <summary>Nobody could be picked.</summary>
    public const string NoRsm = "LEAD_NO_RSM";
    /// <summary>The calendar service failed: the pick stands, slots and live availability are missing or partial.</summary>
    public const string CalendarUnavailable = "CALENDAR_UNAVAILABLE";
    /// <summary>The prospect's zone is a guess (from the territory or the RSM), so their hours are not verified.</summary>
    public const string ProspectZoneAssumed = WarningCodes.ProspectTimeZoneAssumed;
}
