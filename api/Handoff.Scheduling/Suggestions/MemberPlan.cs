using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Travel;
using NodaTime;

namespace Handoff.Scheduling.Suggestions;

/// <summary>
/// One RSM, precomputed for a slot sweep: busy time as a sorted union, working hours, local day starts with
/// the field plan of each day, and for an in-person meeting the time needed from each stop to the meeting
/// place and back (the place is fixed, so every stop's need is a constant). <see cref="Check"/> is then a few
/// comparisons per slot with pointers that only move forward, because the sweep visits slots in order.
/// </summary>
internal sealed class MemberPlan
{
    private const sbyte PlanFar = -1;
    private const sbyte PlanNear = 1;
    private const long Unchecked = -1;

    private readonly long[] _busyStart;
    private readonly long[] _busyEnd;
    private readonly long[] _dayStarts;
    private readonly sbyte[] _plan;
    private readonly bool _travel;
    private readonly long[] _stopEnd = [];
    private readonly long[] _needBefore = [];
    private readonly int[] _tripBefore = [];
    private readonly bool[] _nearBefore = [];
    private readonly long[] _stopStart = [];
    private readonly long[] _needAfter = [];
    private readonly bool[] _nearAfter = [];
    private readonly long[] _homeNeed = [];
    private readonly int[] _homeTrip = [];
    private readonly long _adjacent;

    private int _busy;
    private int _day;
    private int _work;
    private int _endCount;
    private int _next;

    public MemberPlan(RsmContext rsm, SlotSearch search, Interval span)
    {
        Rsm = rsm;
        (_busyStart, _busyEnd) = TickRanges.BusyUnion(rsm.Items);
        Work = TickRanges.Hours(rsm.WorkingHours, rsm.Zone, span);
        _adjacent = SlotScoring.Adjacent.BclCompatibleTicks;

        var first = span.Start.InZone(rsm.Zone).Date.PlusDays(-1);
        var days = Period.DaysBetween(first, span.End.InZone(rsm.Zone).Date) + 2;
        _dayStarts = new long[days + 1];
        _plan = new sbyte[days];
        // Field plans only matter in person, and most RSMs have none in the window: look them up once.
        var plans = search.Place is null ? [] : search.Org.PlansOf(rsm.Profile.Address).ToArray();
        for (var i = 0; i <= days; i++)
        {
            var date = first.PlusDays(i);
            _dayStarts[i] = TickRanges.Ticks(rsm.Zone.AtStartOfDay(date).ToInstant());
            if (i < days && plans.Length > 0 && search.Place is { } place)
            {
                _plan[i] = FieldPlanRule.Elsewhere(search.Org, rsm.Profile.Email, date, place, search.Travel) is not null ? PlanFar
                    : FieldPlanRule.Near(search.Org, rsm.Profile.Email, date, place, search.Travel) is not null ? PlanNear
                    : (sbyte)0;
            }
        }

        if (search.Place is not { } meetingPlace)
        {
            return;
        }
        _travel = true;
        var trips = search.TripsFor(rsm.Profile);
        var itinerary = rsm.Itinerary ?? Itinerary.Empty;
        // Only stops within a day of the span can be a slot's previous or next stop that day: the rest need no trip.
        var reach = new Interval(span.Start - Duration.FromDays(2), span.End + Duration.FromDays(2));
        (_stopEnd, _needBefore, _tripBefore, _nearBefore) = Needs(itinerary.ByEnd, s => s.Interval.End, trips, reach, toMeeting: true);
        (_stopStart, _needAfter, _, _nearAfter) = Needs(itinerary.ByStart, s => s.Interval.Start, trips, reach, toMeeting: false);
        if (rsm.Profile.HomeBase is { } home)
        {
            // From home the trip sets off when the working day starts, so each working day has its own estimate.
            _homeNeed = new long[Work.Length];
            _homeTrip = new int[Work.Length];
            for (var w = 0; w < Work.Length; w++)
            {
                var trip = trips.FromHome(home, Instant.FromUnixTimeTicks(Work[w].Start));
                _homeNeed[w] = trip.NeededFromHome.BclCompatibleTicks;
                _homeTrip[w] = (int)trip.Leg.Time.TotalMinutes;
            }
        }
    }

    public RsmContext Rsm { get; }

    /// <summary>Working hours as sorted ranges.</summary>
    public TickRange[] Work { get; }

    /// <summary>
    /// True when the slot [start, end) is clean for this RSM: no calendar item, no field plan elsewhere that
    /// day, and travel from the previous stop (or home) and to the next one fits with buffers. When false,
    /// <paramref name="skipTo"/> may be raised to the first instant at which a slot could fit again. Adds the
    /// minutes of the trip to the meeting to <paramref name="trip"/>.
    /// </summary>
    public bool Check(long start, long end, ref long skipTo, ref SlotFit fit, ref int trip)
    {
        while (_busy < _busyEnd.Length && _busyEnd[_busy] <= start)
        {
            _busy++;
        }
        if (_busy < _busyEnd.Length && _busyStart[_busy] < end)
        {
            skipTo = Math.Max(skipTo, _busyEnd[_busy]);
            return false;
        }
        while (_day + 2 < _dayStarts.Length && _dayStarts[_day + 1] <= start)
        {
            _day++;
        }
        long dayStart = _dayStarts[_day], dayEnd = _dayStarts[_day + 1];
        if (_plan[_day] == PlanFar)
        {
            skipTo = Math.Max(skipTo, dayEnd);
            return false;
        }
        if (_plan[_day] == PlanNear)
        {
            fit |= SlotFit.FieldPlan;
        }
        return !_travel || CheckTravel(start, end, dayStart, dayEnd, ref skipTo, ref fit, ref trip);
    }

    private bool CheckTravel(long start, long end, long dayStart, long dayEnd, ref long skipTo, ref SlotFit fit, ref int trip)
    {
        while (_endCount < _stopEnd.Length && _stopEnd[_endCount] <= start)
        {
            _endCount++;
        }
        var previous = _endCount - 1;
        if (previous >= 0 && _stopEnd[previous] > dayStart)
        {
            var gap = start - _stopEnd[previous];
            if (_needBefore[previous] == Unchecked)
            {
                fit |= SlotFit.Unchecked;
            }
            else
            {
                if (gap < _needBefore[previous])
                {
                    skipTo = Math.Max(skipTo, _stopEnd[previous] + _needBefore[previous]);
                    return false;
                }
                if (_nearBefore[previous] && gap <= _adjacent)
                {
                    fit |= SlotFit.NearMeeting;
                }
                trip += _tripBefore[previous];
            }
        }
        else if (_homeNeed.Length > 0)
        {
            while (_work < Work.Length && Work[_work].End <= start)
            {
                _work++;
            }
            // The sweep only visits slots inside working hours, so Work[_work] is this slot's working day.
            if (_work < Work.Length)
            {
                if (start - Work[_work].Start < _homeNeed[_work])
                {
                    skipTo = Math.Max(skipTo, Work[_work].Start + _homeNeed[_work]);
                    return false;
                }
                trip += _homeTrip[_work];
            }
        }

        while (_next < _stopStart.Length && _stopStart[_next] < end)
        {
            _next++;
        }
        if (_next < _stopStart.Length && _stopStart[_next] < dayEnd && _needAfter[_next] == Unchecked)
        {
            fit |= SlotFit.Unchecked;
        }
        else if (_next < _stopStart.Length && _stopStart[_next] < dayEnd)
        {
            var gap = _stopStart[_next] - end;
            if (gap < _needAfter[_next])
            {
                return false;
            }
            if (_nearAfter[_next] && gap <= _adjacent)
            {
                fit |= SlotFit.NearMeeting;
            }
        }
        return true;
    }

    private static (long[] At, long[] Need, int[] Trip, bool[] Near) Needs(IReadOnlyList<Stop> stops, Func<Stop, Instant> at, MeetingTrips trips, Interval reach, bool toMeeting)
    {
        var times = new long[stops.Count];
        var needs = new long[stops.Count];
        var minutes = new int[stops.Count];
        var near = new bool[stops.Count];
        for (var i = 0; i < stops.Count; i++)
        {
            times[i] = TickRanges.Ticks(at(stops[i]));
            if (!reach.Contains(at(stops[i])))
            {
                continue;
            }
            if (stops[i].Place is null)
            {
                needs[i] = Unchecked;
                continue;
            }
            var trip = toMeeting ? trips.FromStop(stops[i]) : trips.ToStop(stops[i]);
            needs[i] = trip.Needed.BclCompatibleTicks;
            minutes[i] = (int)trip.Leg.Time.TotalMinutes;
            near[i] = trips.IsNear(trip);
        }
        return (times, needs, minutes, near);
    }
}
