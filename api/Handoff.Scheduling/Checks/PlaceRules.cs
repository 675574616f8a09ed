using Handoff.Scheduling.Routing;
using Handoff.Scheduling.Travel;

namespace Handoff.Scheduling.Checks;

/// <summary>The place-aware rules (travel, field plans, territories), which need the travel settings.</summary>
public static class PlaceRules
{
    public static IReadOnlyList<ICheckRule> Create(TravelOptions options) =>
    [
        new TravelRule(options),
        new FieldPlanRule(options),
        new TerritoryRule(),
    ];
}
