using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Routing;
using NodaTime;

namespace Handoff.Scheduling.Travel;

/// <summary>
/// The one travel model around an in-person meeting place, for one RSM: the trip from each stop (or home) to the
/// place and from the place on to each stop, estimated once by <see cref="TripEstimator"/> (profile layers, reported
/// trips) and judged by <see cref="TravelEstimator.Judge"/>. The travel rule judges the meeting's legs with it, the
/// slot sweep precomputes every stop's need with it, and the suggestion writer and the brief phrase its legs, so
/// they agree by construction.
/// </summary>
/// <remarks>
/// Reports are matched by the hour the RSM sets off: at the end of the stop before the meeting; from home at the
/// start of the working day; and to the next stop, at the time they must leave to arrive on time (its start less
/// the map model's trip). Each is a property of the stop, not of the slot, which is what lets the sweep precompute it.
/// </remarks>
public sealed class MeetingTrips
{
    private readonly RsmProfile _rsm;
    private readonly TripEstimator _estimator;
    private readonly OrgSnapshot _org;
    private readonly TerritoryResolver _territories;
    private readonly EffectiveTravelProfile _toMeeting;
    private readonly Dictionary<Place, EffectiveTravelProfile> _toStops = new(ReferenceEqualityComparer.Instance);

    public MeetingTrips(RsmProfile rsm, Place place, TripEstimator estimator, Territory? territory, TerritoryResolver territories, OrgSnapshot org)
    {
        _rsm = rsm;
        _estimator = estimator;
        _org = org;
        _territories = territories;
        Place = place;
        _toMeeting = estimator.ProfileFor(rsm, place, territory);
    }

    /// <summary>For the meeting of <paramref name="draft"/>, which must have a place.</summary>
    public static MeetingTrips For(RsmContext rsm, MeetingDraft draft, TripEstimator estimator) =>
        new(rsm.Profile, draft.Place!, estimator, draft.Territory?.Territory, draft.Territories, draft.Org);

    /// <summary>The meeting place.</summary>
    public Place Place { get; }

    public TravelOptions Options => _estimator.Options;

    /// <summary>From <paramref name="from"/> (a stop's place), leaving at <paramref name="departure"/>, to the meeting.</summary>
    public TripEstimate ToMeeting(Place from, Instant departure) => _estimator.Estimate(_toMeeting, from, Place, departure, _org);

    /// <summary>From the stop before the meeting (which must be placed), leaving when it ends.</summary>
    public TripEstimate FromStop(Stop stop) => ToMeeting(stop.Place!, stop.Interval.End);

    /// <summary>From home, leaving when the working day starts.</summary>
    public TripEstimate FromHome(Place home, Instant workStart) => ToMeeting(home, workStart);

    /// <summary>From the meeting on to the next stop (which must be placed), leaving in time to arrive when it starts.</summary>
    public TripEstimate ToStop(Stop stop)
    {
        var to = stop.Place!;
        if (!_toStops.TryGetValue(to, out var profile))
        {
            // The profile follows the destination: the next stop's region and territory.
            profile = _estimator.ProfileFor(_rsm, to, _territories.Resolve(to, null).Territory);
            _toStops[to] = profile;
        }
        var departure = stop.Interval.Start - _estimator.Model(profile, Place, to).Time;
        return _estimator.Estimate(profile, Place, to, departure, _org);
    }

    /// <summary>How <paramref name="available"/> covers a trip between two appointments.</summary>
    public static GapFit Judge(TripEstimate trip, Duration available) => TravelEstimator.Judge(trip.Leg, trip.Needed, available);

    /// <summary>True when the leg ends (or starts) "down the street" from the meeting.</summary>
    public bool IsNear(TripEstimate trip) => trip.Leg.DistanceKm <= Options.NearbyKm;
}
