using Handoff.Api.Admin.Territories;
using Handoff.Api.Outcomes;
using Handoff.Api.Routing;
using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Leads;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Routing;
using Handoff.Scheduling.Routing.Modes;
using Handoff.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Handoff.Api.Leads.Routing;

/// <summary>
/// Lead routing's picker: the territory's assignment mode (<see cref="PoolPicker"/>, from the routing feature) over the
/// pool's inputs (<see cref="PoolInputsLoader"/>), fed with lead routing's own one calendar read for absences and its
/// earliest slots for first available, so a pick costs no second read. Priority territories, places in no territory
/// and empty pools fall back to <see cref="PriorityLeadPicker"/>.
/// </summary>
public sealed class ModeLeadPicker(IServiceScopeFactory scopes, IClock clock, IOptions<OutcomeOptions> outcomes, IOptions<RoutingOptions> options) : ILeadPicker
{
    private readonly PriorityLeadPicker _priority = new();

    public Instant? HistoryFrom(TerritoryMatch? territory, Instant now) =>
        territory?.Territory is { } t && t.RoutingOrDefault.Mode is AssignmentMode.RoundRobin or AssignmentMode.Performance
            ? Later(RoutingPeriods.Containing(now, outcomes.Value.Zone, t.RoutingOrDefault.Period).Start, now - Duration.FromDays(options.Value.AbsenceLookbackDays))
            : null;

    public async ValueTask<LeadPick?> PickAsync(LeadPickInput input, CancellationToken cancellationToken)
    {
        if (input.Territory?.Territory is not { } territory || territory.RoutingOrDefault.Mode == AssignmentMode.Priority)
        {
            return await _priority.PickAsync(input, cancellationToken);
        }
        await using var scope = scopes.CreateAsyncScope();
        var loader = new PoolInputsLoader(scope.ServiceProvider.GetRequiredService<HandoffDbContext>(), new AlreadyRead(input.Lookups), clock, outcomes, options);
        var pool = await loader.LoadAsync(territory, input.Vertical, input.Org, cancellationToken);
        if (pool.Settings.Mode == AssignmentMode.FirstAvailable)
        {
            pool = pool with { Pool = pool.Pool.Select(m => m with { EarliestSlot = input.EarliestSlot.GetValueOrDefault(m.Email) }).ToArray() };
        }
        var pick = PoolPicker.Pick(pool);
        if (pick.Email is null || input.Org.FindRsm(pick.Email) is not { } rsm)
        {
            return await _priority.PickAsync(input, cancellationToken);
        }
        return new LeadPick(rsm, RoutingDto.NameOf(pick.Mode), [new PickReason(pick.Code, pick.Text)], pick.Text) { Pool = pick };
    }

    private static Instant Later(Instant a, Instant b) => a > b ? a : b;

    /// <summary>The lead's one read, served again to the loader (a mailbox outside it reads as not found, never fetched).</summary>
    private sealed class AlreadyRead(IReadOnlyList<CalendarLookup> lookups) : ICalendarSource
    {
        public Task<IReadOnlyList<CalendarLookup>> ReadAsync(IReadOnlyList<string> emails, Interval window, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<CalendarLookup>>(emails
                .Select(e => lookups.FirstOrDefault(l => EmailAddress.Same(l.Email, e))
                             ?? CalendarLookup.Failed(e, new CalendarProblem("not part of the lead's pool", Outage: false)))
                .ToArray());
    }
}
