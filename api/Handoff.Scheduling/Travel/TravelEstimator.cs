using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using NodaTime;

namespace Handoff.Scheduling.Travel;

public enum TravelMode
{
    /// <summary>Both ends are at the same site: nothing to travel, no buffers.</summary>
    SameSite,
    Drive,
    Flight,
}

/// <summary>One trip: the great-circle distance, how it is made and how long it takes (whole minutes, rounded up).</summary>
public readonly record struct TravelLeg(double DistanceKm, TravelMode Mode, Duration Time);

/// <summary>How well a gap between two appointments covers the trip between them.</summary>
public enum GapFit
{
    Fits,
    /// <summary>Short of travel plus buffers, but the RSM could still make it by cutting buffers or driving fast.</summary>
    Tight,
    /// <summary>The RSM would be late by more than max(15 min, a quarter of the trip) even with no buffers.</summary>
    Impossible,
}

/// <summary>
/// The travel model: drive time = great-circle distance × detour factor ÷ the RSM's average speed; past the
/// RSM's longest acceptable drive, a flight (airport overhead + distance at flight speed) when that is faster.
/// </summary>
public static class TravelEstimator
{
    private static readonly Duration LatenessFloor = Duration.FromMinutes(15);

    public static TravelLeg Estimate(GeoPoint from, GeoPoint to, TravelProfile profile, TravelOptions options)
    {
        var km = from.DistanceKm(to);
        if (km < options.SameSiteKm)
        {
            return new TravelLeg(km, TravelMode.SameSite, Duration.Zero);
        }
        var speed = profile.AverageSpeedKmh > 0 ? profile.AverageSpeedKmh : TravelProfile.Default.AverageSpeedKmh;
        var drive = WholeMinutes(km * options.DetourFactor / speed * 60);
        if (drive <= profile.LongestDrive)
        {
            return new TravelLeg(km, TravelMode.Drive, drive);
        }
        var flight = WholeMinutes(options.AirportOverheadMinutes + km / options.FlightSpeedKmh * 60);
        return flight < drive ? new TravelLeg(km, TravelMode.Flight, flight) : new TravelLeg(km, TravelMode.Drive, drive);
    }

    /// <summary>
    /// Time needed between two in-person appointments: the buffer after the first, the trip, the buffer before
    /// the second. Nothing at all when both are at the same site.
    /// </summary>
    public static Duration Needed(TravelLeg leg, TravelProfile profile) =>
        leg.Mode == TravelMode.SameSite ? Duration.Zero : profile.BufferAfter + leg.Time + profile.BufferBefore;

    /// <summary>Time needed to get from home to the first appointment of the day: the trip and the buffer before it.</summary>
    public static Duration NeededFromHome(TravelLeg leg, TravelProfile profile) =>
        leg.Mode == TravelMode.SameSite ? Duration.Zero : leg.Time + profile.BufferBefore;

    /// <summary>
    /// Judges a gap. Blocker-worthy only when the RSM would be late by more than max(15 min, 25 % of the trip)
    /// even skipping buffers: the estimate is rough, so a shortfall within its error is a warning, not a veto.
    /// </summary>
    public static GapFit Judge(TravelLeg leg, Duration needed, Duration available)
    {
        if (available >= needed)
        {
            return GapFit.Fits;
        }
        var lateness = leg.Time - available;
        var tolerance = Duration.Max(LatenessFloor, leg.Time / 4);
        return lateness > tolerance ? GapFit.Impossible : GapFit.Tight;
    }

    private static Duration WholeMinutes(double minutes) => Duration.FromMinutes(Math.Ceiling(minutes - 1e-9));
}
