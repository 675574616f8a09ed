using System.Globalization;
using Handoff.Scheduling.Time;
using NodaTime;

namespace Handoff.Scheduling.Routing.Modes;

/// <summary>
/// The pick in a sentence: "Dana: 3 of this month's 9 Central Valley handoffs, fair share 4.5 · Alex out of office
/// until Wednesday". Dates and times read in the org's zone.
/// </summary>
public static class PickText
{
    public static string For(PoolInput input, PoolStanding picked, string code, IReadOnlyList<PoolStanding> standings, int handoffs)
    {
        var zone = input.OrgZone;
        var main = code switch
        {
            PickCodes.Priority => $"{picked.Name}: priority {picked.Priority} in {input.TerritoryName}",
            PickCodes.FirstAvailable => $"{picked.Name}: earliest feasible slot in {input.TerritoryName}, {When(picked.EarliestSlot!.Value, input.Now, zone, withTime: true)}",
            PickCodes.NoSlot => $"{picked.Name}: nobody in {input.TerritoryName} has a feasible slot in the searched days, so priority {picked.Priority} decides",
            PickCodes.EveryoneAway => $"{picked.Name}: everyone in {input.TerritoryName} is away; {picked.Name} is back first",
            _ => $"{picked.Name}: {picked.Count} of {RoutingPeriods.Possessive(input.Settings.Period)} {handoffs} {input.TerritoryName} handoffs, fair share {Number(picked.FairShare)}"
                 + (code == PickCodes.PerformanceShare ? Performance(input, picked) : ""),
        };
        var away = standings
            .Where(s => s.Away is not null && !ReferenceEquals(s, picked))
            .Select(s => $"{s.Name} {(s.Away!.Kind == AbsenceKind.Leave ? "on leave" : "out of office")} until {Until(s.Away.Interval, input.Now, zone)}");
        return string.Join(" · ", away.Prepend(main));
    }

    /// <summary>"Round robin", "First available": the mode in a sentence.</summary>
    public static string ModeName(AssignmentMode mode) => mode switch
    {
        AssignmentMode.RoundRobin => "Round robin",
        AssignmentMode.Performance => "Performance-weighted round robin",
        AssignmentMode.FirstAvailable => "First available",
        _ => "Priority",
    };

    /// <summary>" (weight ×1.25: held 72%, opportunities 40% of held, 25 decided in Manufacturing)".</summary>
    private static string Performance(PoolInput input, PoolStanding picked)
    {
        if (input.Performance?.For(picked.Email) is not { } p)
        {
            return "";
        }
        var vertical = input.Performance.Vertical is { } v ? $" in {v}" : "";
        return $" (weight ×{p.Multiplier.ToString("0.00", CultureInfo.InvariantCulture)}: held {Percent(p.HeldRate)}, opportunities {Percent(p.OpportunityRate)} of held, {p.Decided} decided{vertical})";
    }

    private static string Until(Interval away, Instant now, DateTimeZone zone) =>
        away.HasEnd ? When(away.End, now, zone, withTime: false) : "further notice";

    /// <summary>"2:00 PM" today, "Wednesday" within the week, "Dec 14" later (with the time when asked).</summary>
    private static string When(Instant at, Instant now, DateTimeZone zone, bool withTime)
    {
        var local = at.InZone(zone);
        var today = now.InZone(zone).Date;
        var days = Period.Between(today, local.Date, PeriodUnits.Days).Days;
        var time = Formats.Time(local);
        return days switch
        {
            0 => withTime ? $"today {time}" : time,
            1 => withTime ? $"tomorrow {time}" : "tomorrow",
            > 1 and < 7 => withTime ? $"{Formats.Weekday(local.Date)} {time}" : Formats.Weekday(local.Date),
            _ => local.Date.ToString("MMM d", CultureInfo.InvariantCulture) + (withTime ? $" {time}" : ""),
        };
    }

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Percent(double rate) => $"{Math.Round(rate * 100).ToString(CultureInfo.InvariantCulture)}%";
}
