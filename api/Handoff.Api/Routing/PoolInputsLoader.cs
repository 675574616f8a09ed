using Handoff.Api.Outcomes;
using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Routing.Modes;
using Handoff.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Handoff.Api.Routing;

/// <summary>
/// Gathers a territory's <see cref="PoolInput"/> at the edge: the pool (active assigned RSMs, weights, added-at), the
/// pool's handoff records (territory name at send, booked = created; canceled/no-show marked creditable), absences
/// (out-of-office calendar items over the period so far and the next two weeks, field plans marked as leave) and, in
/// performance mode, the weights from outcomes. First-available slots are added by <see cref="StoreTerritoryPicker"/>.
/// </summary>
public sealed class PoolInputsLoader(HandoffDbContext db, ICalendarSource calendars, IClock clock, IOptions<OutcomeOptions> outcomes, IOptions<RoutingOptions> options)
{
    /// <summary>Handoffs this far back give each RSM's "last booked" (the tiebreak) when the period is younger.</summary>
    private static readonly Duration LastBookedLookback = Duration.FromDays(90);

    private static readonly Duration LookAhead = Duration.FromDays(14);

    public DateTimeZone OrgZone => outcomes.Value.Zone;

    public Task<PoolInput> LoadAsync(Territory territory, string? vertical, OrgSnapshot org, CancellationToken ct) =>
        LoadAsync(territory, vertical, org, clock.GetCurrentInstant(), null, ct);

    /// <summary>The pool's inputs as they stood at <paramref name="now"/> (the report asks for past periods' ends).</summary>
    /// <param name="handoffKey">A handoff left out of the counts: the sent invite being re-checked.</param>
    public async Task<PoolInput> LoadAsync(Territory territory, string? vertical, OrgSnapshot org, Instant now, string? handoffKey, CancellationToken ct)
    {
        var settings = territory.RoutingOrDefault;
        var period = RoutingPeriods.Containing(now, OrgZone, settings.Period);
        var rsms = territory.Assignments
            .Select(a => (Assignment: a, Rsm: org.FindRsm(a.RsmEmail)))
            .Where(x => x.Rsm is { Active: true })
            .ToArray();
        var emails = rsms.Select(x => x.Rsm!.Email).ToArray();

        var since = Min(period.Start, now - LastBookedLookback);
        var rows = await (
            from h in db.Handoffs.AsNoTracking()
            where h.Territory == territory.Name && h.CreatedAt >= since && h.CreatedAt <= now && (handoffKey == null || h.Key != handoffKey)
            join o in db.HandoffOutcomes.AsNoTracking() on h.Id equals o.HandoffId into outcome
            from o in outcome.DefaultIfEmpty()
            select new { h.RsmKeys, h.CreatedAt, Kind = (OutcomeKind?)o.Kind }).ToListAsync(ct);
        var handoffs = rows
            .Select(r => (Rsm: FirstMember(r.RsmKeys, emails), r.CreatedAt, Creditable: r.Kind is OutcomeKind.Canceled or OutcomeKind.NoShow))
            .Where(r => r.Rsm is not null)
            .Select(r => new PoolHandoff(r.Rsm!, r.CreatedAt, r.Creditable))
            .ToArray();
        var lastBooked = handoffs.GroupBy(h => h.RsmEmail, EmailAddress.Comparer)
            .ToDictionary(g => g.Key, g => g.Max(h => h.At), EmailAddress.Comparer);

        var absences = await AbsencesAsync(emails, org, Max(period.Start, now - Duration.FromDays(options.Value.AbsenceLookbackDays)), now, ct);
        var pool = rsms.Select(x => new PoolMember(
            x.Rsm!.Email, x.Rsm.DisplayName, x.Assignment.Priority, x.Assignment.Weight, x.Assignment.AddedAt ?? Instant.MinValue,
            absences.GetValueOrDefault(x.Rsm.Email) ?? [], lastBooked.TryGetValue(x.Rsm.Email, out var last) ? last : null,
            x.Rsm.Specialises(vertical))).ToArray();

        var performance = settings.Mode == AssignmentMode.Performance
            ? PerformanceWeights.Compute(pool.Select(m => (m.Email, m.Weight)).ToArray(), await OutcomesAsync(emails, vertical, now, ct), options.Value.Performance, vertical)
            : null;
        return new PoolInput(territory.Name, settings, pool, handoffs, now, OrgZone, vertical, performance);
    }

    /// <summary>Each pool RSM's decided handoffs in the trailing window (in the vertical, when one is given), across territories.</summary>
    public async Task<IReadOnlyCollection<MemberOutcomes>> OutcomesAsync(IReadOnlyList<string> emails, string? vertical, Instant now, CancellationToken ct)
    {
        var since = now - Duration.FromDays(options.Value.WindowDays);
        var query = from h in db.Handoffs.AsNoTracking()
                    join o in db.HandoffOutcomes.AsNoTracking() on h.Id equals o.HandoffId
                    where h.Start >= since && h.Start <= now
                        && (o.Kind == OutcomeKind.Held || o.Kind == OutcomeKind.OpportunityCreated || o.Kind == OutcomeKind.NoShow || o.Kind == OutcomeKind.Disqualified)
                    select new { h.RsmKeys, h.Vertical, o.Kind };
        if (vertical is not null)
        {
            var key = vertical.Trim().ToLowerInvariant();
            query = query.Where(r => r.Vertical != null && r.Vertical.ToLower() == key);
        }
        var rows = await query.ToListAsync(ct);
        return rows
            .Select(r => (Rsm: FirstMember(r.RsmKeys, emails), r.Kind))
            .Where(r => r.Rsm is not null)
            .GroupBy(r => r.Rsm!, EmailAddress.Comparer)
            .Select(g => new MemberOutcomes(g.Key, g.Count(),
                g.Count(r => r.Kind is OutcomeKind.Held or OutcomeKind.OpportunityCreated),
                g.Count(r => r.Kind == OutcomeKind.OpportunityCreated)))
            .ToArray();
    }

    /// <summary>Out-of-office items (merged where they touch) and leave field plans, per RSM; an unreadable calendar gives none.</summary>
    private async Task<Dictionary<string, List<Absence>>> AbsencesAsync(IReadOnlyList<string> emails, OrgSnapshot org, Instant from, Instant now, CancellationToken ct)
    {
        var result = new Dictionary<string, List<Absence>>(EmailAddress.Comparer);
        if (emails.Count == 0)
        {
            return result;
        }
        var lookups = await calendars.ReadAsync(emails, new Interval(from, now + LookAhead), ct);
        foreach (var lookup in lookups)
        {
            var list = result[lookup.Email] = [];
            foreach (var block in (lookup.Calendar?.Items ?? []).Where(b => b.Status == BusyStatus.OutOfOffice).OrderBy(b => b.Interval.Start))
            {
                if (list.Count > 0 && list[^1].Interval.End >= block.Interval.Start)
                {
                    var merged = list[^1].Interval;
                    list[^1] = new Absence(new Interval(merged.Start, Max(merged.End, block.Interval.End)), AbsenceKind.OutOfOffice);
                }
                else
                {
                    list.Add(new Absence(block.Interval, AbsenceKind.OutOfOffice));
                }
            }
        }
        foreach (var plan in org.FieldPlans.Where(p => p.Leave && emails.Contains(p.RsmEmail, EmailAddress.Comparer)))
        {
            // Leave days run midnight to midnight in the RSM's zone (the org's when the RSM has none).
            var zone = org.FindRsm(plan.RsmEmail)?.Zone ?? OrgZone;
            var span = new Interval(zone.AtStartOfDay(plan.Dates.Start).ToInstant(), zone.AtStartOfDay(plan.Dates.End.PlusDays(1)).ToInstant());
            if (!result.TryGetValue(plan.RsmEmail, out var list))
            {
                result[plan.RsmEmail] = list = [];
            }
            list.Add(new Absence(span, AbsenceKind.Leave));
        }
        return result;
    }

    /// <summary>The first RSM of "|a@x|b@y|" who is in the pool (a handoff with two pool RSMs counts once, for the first).</summary>
    private static string? FirstMember(string rsmKeys, IReadOnlyList<string> emails) =>
        rsmKeys.Split('|', StringSplitOptions.RemoveEmptyEntries)
            .Select(k => emails.FirstOrDefault(e => EmailAddress.Same(e, k)))
            .FirstOrDefault(e => e is not null);

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;
}
