using Handoff.Scheduling.Places;
using NodaTime;

namespace Handoff.Scheduling.Travel;

/// <summary>A trip an RSM actually made, as they (or an integration) reported it: door to door, departed → arrived.</summary>
public sealed record ReportedTrip(Guid Id, string RsmEmail, Place From, Place To, Instant Departed, Instant Arrived, string? Note = null)
{
    public Duration Duration => Arrived - Departed;

    /// <summary>Minutes per great-circle km: what carries over to a nearby trip of a slightly different length.</summary>
    public double MinutesPerKm => Duration.TotalMinutes / Math.Max(From.Point.DistanceKm(To.Point), 1);
}

/// <summary>
/// What the field has taught the org: travel profile layers and reported trips. Immutable; the store adapter
/// rebuilds it when either changes.
/// </summary>
public sealed class FieldIntel
{
    private readonly Dictionary<(TravelScope, string), TravelProfileLayer> _layers;

    public FieldIntel(IEnumerable<TravelProfileLayer>? layers = null, IEnumerable<ReportedTrip>? trips = null)
    {
        _layers = (layers ?? []).Where(l => !l.IsEmpty)
            .ToDictionary(l => (l.Scope, l.Key.ToUpperInvariant()), l => l);
        Trips = trips?.ToArray() ?? [];
        // Sorted by origin latitude with the local departure minute worked out once, so an estimate looks only at
        // the band of reports whose origin can be near (a binary search) instead of scanning a year of them.
        _byOrigin = Trips.Select(t => new IndexedTrip(t, MinuteOfDay(t.Departed, t.From), t.MinutesPerKm))
            .OrderBy(t => t.Trip.From.Point.Latitude).ToArray();
    }

    private readonly IndexedTrip[] _byOrigin;

    /// <summary>A report with what matching needs: departure minute of day in the origin's zone, and pace.</summary>
    public readonly record struct IndexedTrip(ReportedTrip Trip, double MinuteOfDay, double MinutesPerKm);

    /// <summary>Reports whose origin lies within <paramref name="km"/> of <paramref name="origin"/> (exact distance checked).</summary>
    public IEnumerable<IndexedTrip> FromNear(GeoPoint origin, double km)
    {
        var band = km / 110.5; // a degree of latitude is at least 110.5 km
        int lo = 0, hi = _byOrigin.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_byOrigin[mid].Trip.From.Point.Latitude < origin.Latitude - band) { lo = mid + 1; } else { hi = mid; }
        }
        for (var i = lo; i < _byOrigin.Length && _byOrigin[i].Trip.From.Point.Latitude <= origin.Latitude + band; i++)
        {
            if (_byOrigin[i].Trip.From.Point.DistanceKm(origin) <= km)
            {
                yield return _byOrigin[i];
            }
        }
    }

    /// <summary>Minutes since local midnight in the place's zone (UTC when unknown).</summary>
    public static double MinuteOfDay(NodaTime.Instant at, Place where)
    {
        var zone = where.Zone ?? NodaTime.DateTimeZone.Utc;
        var time = at.InZone(zone).TimeOfDay;
        return time.Hour * 60 + time.Minute;
    }

    public static FieldIntel Empty { get; } = new();

    public IReadOnlyList<ReportedTrip> Trips { get; }

    public TravelProfileLayer? Layer(TravelScope scope, string? key) =>
        key is null ? null : _layers.GetValueOrDefault((scope, key.ToUpperInvariant()));
}

/// <summary>
/// The seam between the travel estimator and wherever field intel is kept (the store, a test fixture). Reading
/// <see cref="Current"/> must be cheap: checks call it on every evaluation.
/// </summary>
public interface IFieldIntelSource
{
    FieldIntel Current { get; }
}

/// <summary>A fixed body of field intel: tests, and hosts without a store.</summary>
public sealed class FixedFieldIntel(FieldIntel intel) : IFieldIntelSource
{
    public static FixedFieldIntel None { get; } = new(FieldIntel.Empty);

    public FieldIntel Current => intel;
}
