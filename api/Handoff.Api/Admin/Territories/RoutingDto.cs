using FluentValidation;
using Handoff.Scheduling.Routing.Modes;
using Handoff.Storage;

namespace Handoff.Api.Admin.Territories;

/// <summary>How a territory picks among its RSMs (docs/routing.md).</summary>
/// <param name="Mode">priority (the default: lowest priority number) | roundRobin (weighted fair share) | firstAvailable (earliest feasible slot) | performance (round robin weighted by held and opportunity rates).</param>
/// <param name="Period">day | week | month (default) | quarter, in the org's zone: round-robin counts start again each period.</param>
/// <param name="CreditBack">Canceled and no-show handoffs do not count toward an RSM's share (default true).</param>
public sealed record RoutingDto(string? Mode = null, string? Period = null, bool? CreditBack = null)
{
    public static readonly IReadOnlyDictionary<string, AssignmentMode> Modes = new Dictionary<string, AssignmentMode>(StringComparer.OrdinalIgnoreCase)
    {
        ["priority"] = AssignmentMode.Priority,
        ["roundRobin"] = AssignmentMode.RoundRobin,
        ["firstAvailable"] = AssignmentMode.FirstAvailable,
        ["performance"] = AssignmentMode.Performance,
    };

    public static readonly IReadOnlyDictionary<string, RoutingPeriod> Periods = new Dictionary<string, RoutingPeriod>(StringComparer.OrdinalIgnoreCase)
    {
        ["day"] = RoutingPeriod.Day,
        ["week"] = RoutingPeriod.Week,
        ["month"] = RoutingPeriod.Month,
        ["quarter"] = RoutingPeriod.Quarter,
    };

    public static string NameOf(AssignmentMode mode) => Modes.First(m => m.Value == mode).Key;

    public static string NameOf(RoutingPeriod period) => Periods.First(p => p.Value == period).Key;

    public static RoutingDto From(TerritoryEntity t) => new(NameOf(t.RoutingMode), NameOf(t.RoutingPeriod), t.CreditBack);

    /// <summary>Copies a validated request onto the row; what it leaves out takes the default.</summary>
    public static void Apply(RoutingDto? routing, TerritoryEntity t)
    {
        t.RoutingMode = routing?.Mode is { } mode ? Modes[mode.Trim()] : AssignmentMode.Priority;
        t.RoutingPeriod = routing?.Period is { } period ? Periods[period.Trim()] : RoutingPeriod.Month;
        t.CreditBack = routing?.CreditBack ?? true;
    }
}

/// <summary>A registered validator rather than inline rules, so the OpenAPI schema of the routing settings shows its rules too.</summary>
public sealed class RoutingDtoValidator : AbstractValidator<RoutingDto>
{
    public RoutingDtoValidator()
    {
        RuleFor(r => r.Mode).Must(m => m is null || RoutingDto.Modes.ContainsKey(m.Trim()))
            .WithMessage("'mode' must be one of priority, roundRobin, firstAvailable or performance; '{PropertyValue}' is none of them.");
        RuleFor(r => r.Period).Must(p => p is null || RoutingDto.Periods.ContainsKey(p.Trim()))
            .WithMessage("'period' must be one of day, week, month or quarter; '{PropertyValue}' is none of them.");
    }
}
