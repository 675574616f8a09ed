using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Routing;
using Handoff.Scheduling.Travel;
using NodaTime;

namespace Handoff.Scheduling.Suggestions;

/// <summary>RSMs who would attend together (usually one), and why they are candidates.</summary>
public sealed record SlotTeam(IReadOnlyList<RsmContext> Members, RsmRole Role, bool IsAlternative)
{
    public RsmContext Lead => Members[0];
}

/// <summary>
/// One search. <see cref="Place"/> is the meeting place for an in-person meeting (travel and field plans are
/// checked), null otherwise. <see cref="NotBefore"/> is the earliest start allowed.
/// </summary>
public sealed record SlotSearch(
    Duration Length,
    DateTimeZone OrganizerZone,
    IReadOnlyList<LocalDate> Dates,
    Instant NotBefore,
    ProspectContext Prospect,
    Place? Place,
    OrgSnapshot Org,
    TripEstimator Estimator,
    IReadOnlyList<SlotTeam> Teams)
{
    private readonly Dictionary<RsmProfile, MeetingTrips> _trips = new(ReferenceEqualityComparer.Instance);
    private TerritoryResolver? _territories;

    /// <summary>Held rates by the prospect's weekday and hour; below their sample threshold they change nothing.</summary>
    public HeldRates HeldRates { get; init; } = HeldRates.None;

    /// <summary>The territory that owns <see cref="Place"/>: its travel profile applies to trips there.</summary>
    public Territory? Territory { get; init; }

    /// <summary>The org's territory index (the check's), for the territories of the stops after a slot.</summary>
    public TerritoryResolver Territories
    {
        get => _territories ??= TerritoryResolver.For(Org);
        init => _territories = value;
    }

    public TravelOptions Travel => Estimator.Options;

    /// <summary>The one travel model for <paramref name="rsm"/> around <see cref="Place"/>, shared by the sweep and the writer.</summary>
    internal MeetingTrips TripsFor(RsmProfile rsm)
    {
        if (!_trips.TryGetValue(rsm, out var trips))
        {
            trips = new MeetingTrips(rsm, Place!, Estimator, Territory, Territories, Org);
            _trips[rsm] = trips;
        }
        return trips;
    }
}

/// <summary>
/// Finds every clean slot for every team and ranks them (<see cref="SlotScoring"/>). A slot is clean when it lies
/// on the grid (<see cref="SlotGrid"/>), within every member's working hours and the prospect's business hours,
/// overlaps no calendar item that is not free, falls on no day a field plan puts the RSM elsewhere, and leaves
/// time to travel from the previous stop (or home) and to the next one with buffers. Per team: working hours
/// are intersected once, then one forward sweep over the grid; failing slots jump straight to the first grid
/// point where they could fit again. Nothing is allocated per slot.
/// </summary>
public static class SlotFinder
{
    public static List<SlotCandidate> Find(SlotSearch search)
    {
        var grid = SlotGrid.Build(search.OrganizerZone, search.Dates);
        var found = new List<SlotCandidate>();
        if (grid.Count == 0 || search.Length <= Duration.Zero)
        {
            return found;
        }
        var length = search.Length.BclCompatibleTicks;
        var span = new Interval(Instant.FromUnixTimeTicks(grid.Ticks[0]), Instant.FromUnixTimeTicks(grid.Ticks[^1] + length));
        TickRange[] open = [new(Math.Max(TickRanges.Ticks(search.NotBefore), grid.Ticks[0]), grid.Ticks[^1] + length)];
        if (search.Prospect.Zone is { } prospectZone)
        {
            open = TickRanges.Intersect(open, TickRanges.Hours(search.Prospect.BusinessHours, prospectZone, span));
        }

        for (var t = 0; t < search.Teams.Count; t++)
        {
            var team = search.Teams[t];
            var members = new MemberPlan[team.Members.Count];
            var allowed = open;
            for (var m = 0; m < members.Length; m++)
            {
                members[m] = new MemberPlan(team.Members[m], search, span);
                allowed = TickRanges.Intersect(allowed, members[m].Work);
            }
            Sweep(grid, allowed, length, members, t, team.Role, found,
                search.HeldRates.HasSampled ? search.Prospect.Zone : null, search.HeldRates);
        }
        found.Sort(SlotScoring.Compare);
        return found;
    }

    private static void Sweep(SlotGrid grid, TickRange[] allowed, long length, MemberPlan[] members, int team, RsmRole role, List<SlotCandidate> found,
        DateTimeZone? ratedZone, HeldRates rates)
    {
        var i = 0;
        foreach (var range in allowed)
        {
            i = TickRanges.LowerBound(grid.Ticks, range.Start, i);
            while (i < grid.Count && grid.Ticks[i] + length <= range.End)
            {
                var start = grid.Ticks[i];
                var skipTo = start;
                var fit = SlotFit.None;
                var trip = 0;
                var clean = true;
                foreach (var member in members)
                {
                    if (!member.Check(start, start + length, ref skipTo, ref fit, ref trip))
                    {
                        clean = false;
                        break;
                    }
                }
                if (clean)
                {
                    var score = SlotScoring.Score(grid.Day[i], grid.Minute[i], role, fit, trip);
                    if (ratedZone is not null)
                    {
                        // Only with sampled held rates and a known prospect zone: prefer the hours their meetings are held.
                        var bonus = rates.Bonus(Instant.FromUnixTimeTicks(start).InZone(ratedZone).LocalDateTime);
                        score -= bonus;
                        fit |= bonus > 0 ? SlotFit.HeldWell : SlotFit.None;
                    }
                    found.Add(new SlotCandidate(team, Instant.FromUnixTimeTicks(start), score, grid.Day[i], fit, role));
                    i++;
                }
                else
                {
                    i = skipTo > start ? TickRanges.LowerBound(grid.Ticks, skipTo, i + 1) : i + 1;
                }
            }
        }
    }
}
