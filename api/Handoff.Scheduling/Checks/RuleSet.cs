using Handoff.Scheduling.Checks.Rules;
using Handoff.Scheduling.Routing;
using Handoff.Scheduling.Travel;

namespace Handoff.Scheduling.Checks;

/// <summary>
/// The one rule set: the API's checker (SchedulingSetup), the tests' and the benchmarks' are all built here, so a
/// test cannot pass against rules production does not run. Order matters (warnings of equal severity keep it):
/// the time-zone and calendar rules, then travel, field plans and territory.
/// </summary>
public static class RuleSet
{
    /// <summary>The time-zone and calendar rules: they need no settings.</summary>
    public static IReadOnlyList<ICheckRule> Core { get; } =
    [
        new MeetingTimingRule(),
        new ProspectZoneRule(),
        new ProspectHoursRule(),
        new RsmCalendarRule(),
        new DifferentDayRule(),
        new DstShiftRule(),
        new PublicHolidayRule(),
    ];

    /// <summary>The place-aware rules (travel, field plans, territory), which need the travel estimate.</summary>
    public static IReadOnlyList<ICheckRule> PlaceAware(TripEstimator travel) =>
    [
        new TravelRule(travel),
        new FieldPlanRule(travel.Options),
        new TerritoryRule(),
    ];

    /// <summary>Every rule the product runs, in order; <paramref name="extra"/> (a feature's own rules) run last.</summary>
    public static IReadOnlyList<ICheckRule> Create(TripEstimator travel, IEnumerable<ICheckRule>? extra = null) =>
        [.. Core, .. PlaceAware(travel), .. extra ?? []];

    /// <summary>The product's checker.</summary>
    public static MeetingChecker Checker(TripEstimator travel, IEnumerable<ICheckRule>? extra = null) => new(Create(travel, extra));
}
