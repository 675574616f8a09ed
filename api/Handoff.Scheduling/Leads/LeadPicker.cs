using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Routing;
using Handoff.Scheduling.Routing.Modes;
using Handoff.Scheduling.Suggestions;
using NodaTime;

namespace Handoff.Scheduling.Leads;

/// <summary>
/// What a picker may weigh: the territory match, the pool (owner, specialists, the territory's other RSMs, in
/// priority order), each RSM's earliest feasible slot (for "first available") and calendar (out of office).
/// </summary>
public sealed record LeadPickInput(
    TerritoryMatch? Territory,
    IReadOnlyList<CandidateTeam> Pool,
    IReadOnlyDictionary<string, Instant?> EarliestSlot,
    IReadOnlyDictionary<string, RsmContext> Calendars,
    OrgSnapshot Org,
    string? Vertical,
    Instant Now)
{
    /// <summary>The one calendar read, as the calendar port answered it (from <see cref="ILeadPicker.HistoryFrom"/> on).</summary>
    public IReadOnlyList<CalendarLookup> Lookups { get; init; } = [];
}

/// <summary>Whom the territory's mode picked, the mode, and why: structured reasons and one sentence for people.</summary>
public sealed record LeadPick(RsmProfile Rsm, string Mode, IReadOnlyList<PickReason> Reasons, string Explanation)
{
    /// <summary>The mode's standings behind the pick (round robin, first available, performance); null for priority.</summary>
    public PoolPick? Pool { get; init; }
}

/// <summary>One reason of a pick, with a stable code (TERRITORY_OWNER, VERTICAL_SPECIALIST, …).</summary>
public sealed record PickReason(string Code, string Message);

/// <summary>
/// The seam between lead routing and the territory's assignment mode: lead routing gathers the pool and its
/// calendars once; the picker only chooses. Async so an adapter can load what a mode counts (handoffs this period).
/// </summary>
public interface ILeadPicker
{
    /// <summary>
    /// How far back the pick needs the pool's calendars (absences this period, for calibration); lead routing widens
    /// its one read to start there. Null: the slot window is enough.
    /// </summary>
    Instant? HistoryFrom(TerritoryMatch? territory, Instant now) => null;

    ValueTask<LeadPick?> PickAsync(LeadPickInput input, CancellationToken cancellationToken);
}

/// <summary>
/// Today's rule, the <c>priority</c> mode: the territory's owner (its first active assignment by priority, the
/// vertical specialist winning a tie), else the nearest vertical specialist, else nobody.
/// </summary>
public sealed class PriorityLeadPicker : ILeadPicker
{
    public const string Mode = "priority";

    public ValueTask<LeadPick?> PickAsync(LeadPickInput input, CancellationToken cancellationToken)
    {
        if (input.Pool.FirstOrDefault(t => !t.IsAlternative) is not { } first)
        {
            return ValueTask.FromResult<LeadPick?>(null);
        }
        var rsm = first.Members[0];
        var reasons = new List<PickReason>();
        if (first.Role == RsmRole.Owner && input.Territory is { Territory: { } territory } match)
        {
            reasons.Add(new(ReasonCodes.TerritoryOwner, $"{rsm.DisplayName} owns the lead's place ({match.ExplanationInSentence}) and comes first by priority in {territory.Name}."));
        }
        if (input.Vertical is { } vertical && rsm.Specialises(vertical))
        {
            reasons.Add(new(ReasonCodes.VerticalSpecialist, first.Role == RsmRole.Owner
                ? $"{rsm.DisplayName} specialises in {vertical}."
                : $"No territory owns the lead's place; {rsm.DisplayName} is the nearest {vertical} specialist."));
        }
        if (reasons.Count == 0)
        {
            reasons.Add(new("POOL_FIRST", $"{rsm.DisplayName} comes first in the pool for this lead."));
        }
        return ValueTask.FromResult<LeadPick?>(new LeadPick(rsm, Mode, reasons, string.Join(" ", reasons.Select(r => r.Message))));
    }
}
