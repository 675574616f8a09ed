using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Org;
using NodaTime;

namespace Handoff.Scheduling.Suggestions;

/// <summary>
/// What to search: the draft (attendees, length = its duration, location, zones, vertical) and the window:
/// <see cref="BusinessDays"/> Monday–Friday dates in the organizer's zone from <see cref="WindowStart"/>
/// (default: today in the organizer's zone).
/// </summary>
public sealed record SuggestionQuery(
    MeetingRequest Draft,
    LocalDate? WindowStart = null,
    int BusinessDays = 10,
    int MaxResults = 10,
    bool IncludeAlternatives = true,
    HeldRates? HeldRates = null)
{
    public const int MaxBusinessDays = 20;
    public const int MaxMaxResults = 50;

    /// <summary>How many suggestions a blocked check carries.</summary>
    public const int InsteadOfBlockedCount = 3;

    /// <summary>
    /// The search offered with a blocked check: times near the one that failed (from its day in the organizer's
    /// zone, or from today when that day has passed), the default window, alternatives included.
    /// </summary>
    public static SuggestionQuery InsteadOf(MeetingRequest blocked, Instant now)
    {
        var today = now.InZone(blocked.OrganizerZone).Date;
        var day = blocked.Meeting.Start.InZone(blocked.OrganizerZone).Date;
        return new SuggestionQuery(blocked, day > today ? day : null, MaxResults: InsteadOfBlockedCount);
    }
}

/// <summary>Why an RSM is a candidate, best first: the invited RSM, the territory owner, a specialist, another territory RSM.</summary>
public enum RsmRole
{
    Invited,
    Owner,
    Specialist,
    TerritoryMember,
}

/// <summary>One reason a slot is good, with a stable code (see <see cref="ReasonCodes"/>).</summary>
public sealed record SuggestionReason(string Code, string Message);

/// <summary>A slot that raises no blocker, for <see cref="Rsm"/> (and any other invited RSMs in <see cref="Times"/>).</summary>
public sealed record Suggestion(
    Interval Slot,
    RsmProfile Rsm,
    bool IsAlternativeRsm,
    IReadOnlyList<PartyTime> Times,
    IReadOnlyList<SuggestionReason> Reasons,
    int Score);

/// <summary>The ranked suggestions, the business dates searched, and anything the SDR should know (e.g. unreadable calendars).</summary>
public sealed record SuggestionResult(IReadOnlyList<Suggestion> Suggestions, IReadOnlyList<string> Notices, DateInterval? Window);

/// <summary>The stable codes of suggestion reasons. Never rename one: the add-in keys on them.</summary>
public static class ReasonCodes
{
    public const string ProspectBusinessHours = "PROSPECT_BUSINESS_HOURS";
    public const string RsmAvailable = "RSM_AVAILABLE";
    public const string NearRsmMeeting = "NEAR_RSM_MEETING";
    public const string TravelFits = "TRAVEL_FITS";
    public const string FieldPlanMatch = "FIELD_PLAN_MATCH";
    public const string TerritoryOwner = "TERRITORY_OWNER";
    public const string VerticalSpecialist = "VERTICAL_SPECIALIST";
    public const string OnlineMeeting = "ONLINE_MEETING";
    /// <summary>The prospect's meetings at this weekday and hour are held more often than overall (recorded outcomes).</summary>
    public const string HeldRate = "HELD_RATE";
}
