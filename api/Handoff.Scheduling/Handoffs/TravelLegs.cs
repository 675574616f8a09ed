using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Time;
using Handoff.Scheduling.Travel;
using NodaTime;

namespace Handoff.Scheduling.Handoffs;

/// <summary>One leg of an RSM's day around the meeting, as the brief shows it.</summary>
/// <param name="Direction">"before" (from the previous stop) or "after" (on to the next one).</param>
/// <param name="Stop">"“Plant visit at Sierra Steel”", or "a private appointment": a private item never shows its subject.</param>
/// <param name="Place">Where that stop is; null for a private item or one Handoff cannot place.</param>
/// <param name="StopTime">When the stop ends (before) or starts (after), in the RSM's zone: "9:30 AM".</param>
public sealed record TravelLegView(
    string RsmEmail, string Direction, string Stop, string? Place, string StopTime,
    double? DistanceKm, Duration? Needed, Duration Available, TravelMode? Mode);

/// <summary>
/// The legs the travel rule judged, for the brief: the previous in-person stop that day (or none) and the next.
/// Same itinerary and travel model (<see cref="MeetingTrips"/>) as <see cref="TravelRule"/>, so the brief and the check
/// never disagree.
/// </summary>
public static class TravelLegs
{
    public static IReadOnlyList<TravelLegView> For(MeetingDraft draft, TripEstimator estimator)
    {
        var legs = new List<TravelLegView>();
        foreach (var rsm in draft.Rsms)
        {
            var trips = draft.Place is null ? null : MeetingTrips.For(rsm, draft, estimator);
            var itinerary = rsm.Itinerary ?? Itinerary.Build(rsm.Items, null);
            var day = draft.Meeting.Start.InZone(rsm.Zone).Date;
            var dayStart = rsm.Zone.AtStartOfDay(day).ToInstant();
            var dayEnd = rsm.Zone.AtStartOfDay(day.PlusDays(1)).ToInstant();
            if (itinerary.LastEndingBy(draft.Meeting.Start, dayStart) is { } previous)
            {
                legs.Add(Leg(rsm, "before", previous, previous.Interval.End, draft.Meeting.Start - previous.Interval.End, trips, toMeeting: true));
            }
            if (itinerary.FirstStartingFrom(draft.Meeting.End, dayEnd) is { } next)
            {
                legs.Add(Leg(rsm, "after", next, next.Interval.Start, next.Interval.Start - draft.Meeting.End, trips, toMeeting: false));
            }
        }
        return legs;
    }

    private static TravelLegView Leg(RsmContext rsm, string direction, Stop stop, Instant at, Duration available, MeetingTrips? trips, bool toMeeting)
    {
        var stopPlace = stop.IsPrivate ? null : stop.Place;
        var time = $"{Formats.Time(at.InZone(rsm.Zone))} {ZoneNames.Friendly(rsm.Zone)}";
        if (stopPlace is null || trips is null)
        {
            return new TravelLegView(rsm.Profile.Email, direction, stop.Describe(), stopPlace is null ? null : PlaceNames.Short(stopPlace), time, null, null, available, null);
        }
        var trip = toMeeting ? trips.FromStop(stop) : trips.ToStop(stop);
        return new TravelLegView(rsm.Profile.Email, direction, stop.Describe(), PlaceNames.Short(stopPlace), time,
            Math.Round(trip.Leg.DistanceKm, 1), trip.Needed, available, trip.Leg.Mode);
    }
}
