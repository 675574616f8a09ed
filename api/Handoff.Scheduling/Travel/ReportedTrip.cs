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
