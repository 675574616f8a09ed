using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Time;
using NodaTime;

namespace Handoff.Scheduling.Leads;

/// <summary>
/// "Handoff live": who can take the lead on the phone right now. An RSM qualifies when the next
/// <see cref="Window"/> lies inside their working hours and no calendar item that is not Free overlaps it; an
/// unread calendar never qualifies (a guess would send a live call to someone in a meeting).
/// </summary>
public static class LiveHandoff
{
    public static readonly Duration Window = Duration.FromMinutes(30);

    public static LiveRsm? Check(RsmContext rsm, Instant now)
    {
        if (rsm.CalendarProblem is not null)
        {
            return null;
        }
        var next = new Interval(now, now + Window);
        if (!rsm.WorkingHours.Contains(next, rsm.Zone) || rsm.Items.Any(b => b.Status != BusyStatus.Free && b.Overlaps(next)))
        {
            return null;
        }
        // Free until the next item that is not Free, or the end of the working day, whichever comes first.
        var local = now.InZone(rsm.Zone);
        var dayEnd = rsm.WorkingHours.On(local.DayOfWeek)!.Value.On(local.Date, rsm.Zone).End;
        var nextItem = rsm.Items.Where(b => b.Status != BusyStatus.Free && b.Interval.Start >= now).Select(b => b.Interval.Start).DefaultIfEmpty(dayEnd).Min();
        var until = nextItem < dayEnd ? nextItem : dayEnd;
        return new LiveRsm(rsm.Profile, rsm.Zone, until,
            $"{rsm.Name} is free now until {Formats.Time(until.InZone(rsm.Zone))} {ZoneNames.Friendly(rsm.Zone)}, inside working hours: a live handoff can go to them.");
    }
}
