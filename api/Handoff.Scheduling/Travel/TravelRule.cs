using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Time;
using NodaTime;

namespace Handoff.Scheduling.Travel;

/// <summary>
/// Can each RSM get to an in-person meeting and on to their next appointment? Before: from the last in-person
/// stop that day, or from home base when there is none and the RSM is not already at an earlier commitment (then at
/// most a warning, said as the time they would have to leave home: leaving before the working day is the RSM's call,
/// not impossible). After: to the next in-person stop that day. Severity follows
/// <see cref="TravelEstimator.Judge"/>. A location that cannot be placed is said so (info), never passed silently.
/// Estimates come from <see cref="TripEstimator"/>: travel profiles and reported trips, with the reasoning in the message.
/// </summary>
public sealed class TravelRule(TripEstimator estimator) : ICheckRule
{
    public TravelRule(TravelOptions options) : this(new TripEstimator(options))
    {
    }

    public void Evaluate(MeetingDraft draft, Instant now, ICollection<Warning> warnings)
    {
        if (draft.Where.Kind == LocationKind.Unknown)
        {
            warnings.Add(new Warning(WarningCodes.LocationUnknown, Severity.Info, PartyRef.Organizer, UnknownPlace(draft.Where)));
            return;
        }
        if (draft.Place is not { } place)
        {
            return;
        }
        foreach (var rsm in draft.Rsms)
        {
            if (rsm.CalendarProblem is null)
            {
                Check(draft, rsm, place, warnings);
            }
        }
    }

    private void Check(MeetingDraft draft, RsmContext rsm, Place place, ICollection<Warning> warnings)
    {
        var party = new PartyRef(PartyKind.Rsm, rsm.Profile.Email);
        var trips = MeetingTrips.For(rsm, draft, estimator);
        var meeting = draft.Meeting;
        var day = meeting.Start.InZone(rsm.Zone).Date;
        var dayStart = rsm.Zone.AtStartOfDay(day).ToInstant();
        var dayEnd = rsm.Zone.AtStartOfDay(day.PlusDays(1)).ToInstant();
        // Every query below is bounded by the local day, so only that day's stops need placing.
        var itinerary = rsm.ItineraryOver(new Interval(dayStart, dayEnd)) ?? Itinerary.Build(rsm.Items, null);

        if (itinerary.LastEndingBy(meeting.Start, dayStart) is { } previous)
        {
            if (previous.Place is not { } from)
            {
                warnings.Add(new Warning(WarningCodes.LocationUnknown, Severity.Info, party, UnplacedBefore(previous, rsm.Zone)));
            }
            else
            {
                var trip = trips.FromStop(previous);
                var available = meeting.Start - previous.Interval.End;
                if (SeverityOf(MeetingTrips.Judge(trip, available)) is { } severity)
                {
                    warnings.Add(new Warning(WarningCodes.TravelTimeBefore, severity, party,
                        $"{rsm.Name} needs ~{Formats.Span(trip.Needed)}{By(trip.Leg)} to get {Route(from, place)} after {previous.Describe()} that {Ends(previous, rsm.Zone)}, but has {Formats.Span(available)}." +
                        trip.Reasoning(rsm.Name)));
                }
            }
        }
        else if (rsm.Profile.HomeBase is { } home && rsm.WorkingHours.On(day.DayOfWeek) is { } hours &&
                 !ComesFromEarlierCommitment(rsm, meeting, dayStart))
        {
            var workStart = hours.On(day, rsm.Zone).Start;
            var trip = trips.FromHome(home, workStart);
            var needed = trip.NeededFromHome;
            // A meeting that starts before the working day is already RSM_OUTSIDE_WORKING_HOURS; the trip adds nothing.
            if (meeting.Start > workStart && meeting.Start - workStart < needed)
            {
                var leaveBy = (meeting.Start - needed).InZone(rsm.Zone);
                warnings.Add(new Warning(WarningCodes.TravelTimeBefore, Severity.Warning, party,
                    $"{rsm.Name} would have to leave home ({PlaceNames.Short(home)}) by {Formats.Time(leaveBy)} {ZoneNames.Friendly(rsm.Zone)}, " +
                    $"before the working day starts at {Formats.Time(workStart.InZone(rsm.Zone))}, to reach {PlaceNames.Short(place)} in time " +
                    $"(~{Formats.Span(needed)}{(trip.Leg.Mode == TravelMode.Flight ? ", flying, with time at the airports" : "")})." +
                    trip.Reasoning(rsm.Name)));
            }
        }

        if (itinerary.FirstStartingFrom(meeting.End, dayEnd) is { } next)
        {
            if (next.Place is not { } to)
            {
                warnings.Add(new Warning(WarningCodes.LocationUnknown, Severity.Info, party, UnplacedAfter(next, rsm.Zone)));
                return;
            }
            var trip = trips.ToStop(next);
            var available = next.Interval.Start - meeting.End;
            if (SeverityOf(MeetingTrips.Judge(trip, available)) is { } severity)
            {
                warnings.Add(new Warning(WarningCodes.TravelTimeAfter, severity, party,
                    $"{rsm.Name} needs ~{Formats.Span(trip.Needed)}{By(trip.Leg)} to get {Route(place, to)} for {next.Describe()} that {Starts(next, rsm.Zone)}, but has {Formats.Span(available)} after this meeting." +
                    trip.Reasoning(rsm.Name)));
            }
        }
    }

    /// <summary>LOCATION_UNKNOWN's message for a meeting location that cannot be placed.</summary>
    internal static string UnknownPlace(LocationMatch where) =>
        $"Handoff cannot place '{where.Text}' on the map, so travel to and from this meeting is not checked.";

    /// <summary>LOCATION_UNKNOWN's message for a stop before the meeting that cannot be placed.</summary>
    internal static string UnplacedBefore(Stop previous, DateTimeZone zone) =>
        $"Travel from {previous.Describe()} ({Ends(previous, zone)}) to this meeting is not checked: {Unplaced(previous)}.";

    /// <summary>LOCATION_UNKNOWN's message for a stop after the meeting that cannot be placed.</summary>
    internal static string UnplacedAfter(Stop next, DateTimeZone zone) =>
        $"Travel from this meeting to {next.Describe()} ({Starts(next, zone)}) is not checked: {Unplaced(next)}.";

    /// <summary>
    /// The RSM is already somewhere when the meeting starts (a commitment that day began before it and has not ended):
    /// they come from there, not from home, and the overlap itself is the calendar rule's warning.
    /// </summary>
    private static bool ComesFromEarlierCommitment(RsmContext rsm, Interval meeting, Instant dayStart) =>
        rsm.ItemsOverlapping(new Interval(meeting.Start, meeting.Start + Duration.Epsilon))
            .Any(i => i.Status != Calendars.BusyStatus.Free && i.Interval.Start >= dayStart && i.Interval.Start < meeting.Start);

    private static Severity? SeverityOf(GapFit fit) => fit switch
    {
        GapFit.Impossible => Severity.Blocker,
        GapFit.Tight => Severity.Warning,
        _ => null,
    };

    /// <summary>"from Fresno to Sacramento", or "across Fresno" within one city.</summary>
    internal static string Route(Place from, Place to)
    {
        var a = PlaceNames.Short(from);
        var b = PlaceNames.Short(to);
        return string.Equals(a, b, StringComparison.OrdinalIgnoreCase) ? $"across {a}" : $"from {a} to {b}";
    }

    internal static string By(TravelLeg leg) => leg.Mode == TravelMode.Flight ? " (flying, with time at the airports)" : "";

    private static string Ends(Stop stop, DateTimeZone zone) => $"ends {Formats.Time(stop.Interval.End.InZone(zone))} {ZoneNames.Friendly(zone)}";

    private static string Starts(Stop stop, DateTimeZone zone) => $"starts {Formats.Time(stop.Interval.Start.InZone(zone))} {ZoneNames.Friendly(zone)}";

    private static string Unplaced(Stop stop) =>
        stop.IsPrivate ? "its location is not shared" : $"Handoff cannot place '{stop.Where.Text}' on the map";
}
