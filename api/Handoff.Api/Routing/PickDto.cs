using Handoff.Api.Admin.Territories;
using Handoff.Api.Infrastructure;
using Handoff.Scheduling.Routing.Modes;

namespace Handoff.Api.Routing;

/// <summary>Why the territory's mode picked this RSM: "Dana: 3 of this month's 9 Central Valley handoffs, fair share 4.5 · Alex out of office until Wednesday".</summary>
/// <param name="Mode">roundRobin, firstAvailable or performance (priority picks carry no explanation object).</param>
/// <param name="Code">FAIR_SHARE, PERFORMANCE_SHARE, FIRST_AVAILABLE, NO_SLOT (nobody had a slot: priority decided), EVERYONE_AWAY, EMPTY_POOL.</param>
/// <param name="PeriodStart">The round-robin period (org's zone), as UTC instants.</param>
/// <param name="PeriodHandoffs">The pool's handoffs counted this period (credit-back applied).</param>
public sealed record PickDto(
    string Mode, string Code, string? RsmEmail, string? RsmName, string Text, string PeriodStart, string PeriodEnd, int PeriodHandoffs,
    IReadOnlyList<StandingDto> Standings)
{
    public static PickDto? From(PoolPick? pick) => pick is null ? null : new(
        RoutingDto.NameOf(pick.Mode), pick.Code, pick.Email, pick.Name, pick.Text,
        Instants.Format(pick.Period.Start), Instants.Format(pick.Period.End), pick.PeriodHandoffs,
        pick.Standings.Select(StandingDto.From).ToArray());
}

/// <summary>One RSM of the pool this period.</summary>
/// <param name="Weight">The weight in force (performance mode scales <paramref name="BaseWeight"/>).</param>
/// <param name="FairShare">Their weighted share of the period's handoffs so far (docs/routing.md).</param>
/// <param name="Shortfall">Fair share after this lead minus count: the largest among available RSMs wins round robin.</param>
/// <param name="AwayKind">outOfOffice or leave, when away now.</param>
public sealed record StandingDto(
    string Email, string Name, int Priority, double BaseWeight, double Weight, int Count, double FairShare, double Shortfall,
    bool Available, string? AwayKind, string? AwayUntil, string? LastBookedAt, string? EarliestSlot)
{
    public static StandingDto From(PoolStanding s) => new(
        s.Email, s.Name, s.Priority, s.BaseWeight, Math.Round(s.Weight, 4), s.Count, Math.Round(s.FairShare, 4), Math.Round(s.Shortfall, 4), s.Available,
        s.Away is null ? null : s.Away.Kind == AbsenceKind.Leave ? "leave" : "outOfOffice",
        s.Away is { Interval.HasEnd: true } away ? Instants.Format(away.Interval.End) : null,
        s.LastBookedAt is { } last && last != NodaTime.Instant.MinValue ? Instants.Format(last) : null,
        s.EarliestSlot is { } slot ? Instants.Format(slot) : null);
}
