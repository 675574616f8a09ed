using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Travel;
using NodaTime;

namespace Handoff.Scheduling.Field;

/// <summary>A place the org knows near a trip: a customer site from the calendars or reported trips, with its distance.</summary>
public sealed record NearbyAccount(string Label, Place Place, double DistanceKm);

/// <summary>A territory whose ground lies within reach of the trip (it covers the meeting place, or its circle comes within the radius).</summary>
public sealed record NearbyTerritory(Territory Territory, double DistanceKm);

/// <summary>
/// One booked in-person meeting seen from the trip's side: the open working time that day before and after it
/// (each slot at least <see cref="DownTheStreet.MinimumSlot"/>), and what is nearby, so SDRs can fill the trip.
/// </summary>
public sealed record TripView(
    Stop Meeting,
    LocalDate Date,
    IReadOnlyList<Interval> OpenBefore,
    IReadOnlyList<Interval> OpenAfter,
    IReadOnlyList<NearbyTerritory> Territories,
    IReadOnlyList<NearbyAccount> Accounts);

public static class DownTheStreet
{
    public static readonly Duration MinimumSlot = Duration.FromMinutes(30);

    /// <param name="knownPlaces">Places the org has been: other calendar stops, reported trip ends (deduplicated by label here).</param>
    public static IReadOnlyList<TripView> For(RsmCalendarView calendar, DateInterval dates, OrgSnapshot org, IEnumerable<Place> knownPlaces, double radiusKm, TravelOptions options)
    {
        var places = knownPlaces.GroupBy(p => p.Label, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToArray();
        var views = new List<TripView>();
        foreach (var date in dates)
        {
            var stops = calendar.LocatedStopsOn(date).ToArray();
            var open = calendar.OpenIntervalsOn(date);
            foreach (var stop in stops)
            {
                var here = stop.Place!;
                var before = open.Where(i => i.End <= stop.Interval.Start && i.Duration >= MinimumSlot).ToArray();
                var after = open.Where(i => i.Start >= stop.Interval.End && i.Duration >= MinimumSlot).ToArray();
                var territories = org.Territories
                    .Select(t => (t, km: DistanceTo(t, here)))
                    .Where(x => x.km is { } km && km <= radiusKm)
                    .Select(x => new NearbyTerritory(x.t, Math.Round(x.km!.Value, 1)))
                    .OrderBy(x => x.DistanceKm).ThenBy(x => x.Territory.Name, StringComparer.Ordinal).ToArray();
                var accounts = places
                    .Where(p => !string.Equals(p.Label, here.Label, StringComparison.OrdinalIgnoreCase))
                    .Select(p => new NearbyAccount(p.Label, p, Math.Round(p.Point.DistanceKm(here.Point), 1)))
                    .Where(a => a.DistanceKm <= radiusKm && a.DistanceKm >= options.SameSiteKm)
                    .OrderBy(a => a.DistanceKm).ThenBy(a => a.Label, StringComparer.Ordinal).ToArray();
                views.Add(new TripView(stop, date, before, after, territories, accounts));
            }
        }
        return views;
    }

    /// <summary>0 when the territory covers the place; the distance to a radius rule's edge; null when it is not near.</summary>
    private static double? DistanceTo(Territory territory, Place place)
    {
        var covers = Routing.TerritoryResolver.For(new OrgSnapshot([], [territory])).Resolve(place, null).Territory is not null;
        if (covers)
        {
            return 0;
        }
        return territory.Rules.Radii is { Count: > 0 } radii
            ? radii.Min(r => Math.Max(0, r.Center.DistanceKm(place.Point) - r.RadiusKm))
            : null;
    }
}
