using Handoff.Api.Admin.Territories;
using Handoff.Api.Routing;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Routing.Modes;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Handoff.Api.Outcomes.Reports;

/// <summary>
/// One RSM in one routing period: the handoffs they took against their weighted fair share (routing's F_i,
/// docs/routing.md). Difference = handoffs − fair share: above 0 they had more than their share.
/// </summary>
/// <param name="Weight">The weight in force (performance mode: scaled by outcomes, every vertical).</param>
public sealed record RsmFairShare(string Rsm, string Name, double Weight, int Handoffs, double FairShare, double Difference);

/// <summary>One routing period (in the org's zone, both dates inclusive), counted up to its end or now.</summary>
/// <param name="Complete">The period has ended; otherwise it is counted up to now.</param>
public sealed record FairSharePeriod(string From, string To, bool Complete, int Handoffs, IReadOnlyList<RsmFairShare> Rsms);

/// <summary>
/// A territory's handoffs against the fair shares its mode aims for. Priority and first-available territories have no
/// fair share: the note says so and there are no periods.
/// </summary>
public sealed record TerritoryFairShares(string Territory, string Mode, string Period, bool CreditBack, string? Note, IReadOnlyList<FairSharePeriod> Periods);

/// <summary>
/// The report's fair-share section: for each territory, each routing period that overlaps the report's range (and has
/// begun), the pool's standings as <see cref="PoolPicker.Standings(PoolInput)"/> computes them for a pick — the same
/// inputs (<see cref="PoolInputsLoader"/>, as of the period's end or now) and the same formula, so the report shows
/// what routing aimed for. Managers and admins only: it is about every RSM of a pool.
/// </summary>
public sealed class ReportFairShares(IOrgDirectory directory, PoolInputsLoader loader, IClock clock, IOptions<OutcomeOptions> outcomes)
{
    /// <summary>Routing periods shown per territory (the latest ones): a day-period territory over a long range stays readable.</summary>
    public const int MaxPeriods = 62;

    public async Task<IReadOnlyList<TerritoryFairShares>> ForAsync(LocalDate from, LocalDate to, ReportReader reader, CancellationToken ct)
    {
        if (!reader.SeesAll)
        {
            return [];
        }
        var org = await directory.GetSnapshotAsync(ct);
        var zone = outcomes.Value.Zone;
        var now = clock.GetCurrentInstant();
        var rangeStart = HandoffReportService.Start(from, zone);
        var rangeEnd = HandoffReportService.Start(to.PlusDays(1), zone);
        var result = new List<TerritoryFairShares>();
        foreach (var territory in org.Territories.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase))
        {
            var settings = territory.RoutingOrDefault;
            var mode = RoutingDto.NameOf(settings.Mode);
            var period = RoutingDto.NameOf(settings.Period);
            if (settings.Mode is AssignmentMode.Priority or AssignmentMode.FirstAvailable)
            {
                result.Add(new TerritoryFairShares(territory.Name, mode, period, settings.CreditBack, NoShareNote(settings.Mode), []));
                continue;
            }
            var periods = new List<FairSharePeriod>();
            foreach (var span in Periods(rangeStart, Min(rangeEnd, now), zone, settings.Period).TakeLast(MaxPeriods))
            {
                // As of the period's last instant (or now): the pick's own inputs and formula at that moment.
                var asOf = Min(now, span.End - Duration.Epsilon);
                var input = await loader.LoadAsync(territory, null, org, asOf, null, ct);
                var standings = PoolPicker.Standings(input);
                periods.Add(new FairSharePeriod(
                    Date(span.Start, zone), Date(span.End - Duration.Epsilon, zone), span.End <= now, standings.Sum(s => s.Count),
                    standings.Select(s => new RsmFairShare(s.Email, s.Name, Math.Round(s.Weight, 4), s.Count, Math.Round(s.FairShare, 2),
                        Math.Round(s.Count - s.FairShare, 2))).ToArray()));
            }
            result.Add(new TerritoryFairShares(territory.Name, mode, period, settings.CreditBack, null, periods));
        }
        return result;
    }

    /// <summary>The routing periods that overlap [from, to) (to: the range's end or now, whichever is first).</summary>
    public static IEnumerable<Interval> Periods(Instant from, Instant to, DateTimeZone zone, RoutingPeriod period)
    {
        for (var at = from; at < to;)
        {
            var span = RoutingPeriods.Containing(at, zone, period);
            yield return span;
            at = span.End;
        }
    }

    private static string? NoShareNote(AssignmentMode mode) => mode == AssignmentMode.Priority
        ? "Priority: every lead goes to the lowest priority number, so there is no fair share to compare with."
        : "First available: every lead goes to the RSM with the earliest feasible slot, so there is no fair share to compare with.";

    private static string Date(Instant at, DateTimeZone zone) => at.InZone(zone).Date.ToString("yyyy-MM-dd", null);

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;
}
