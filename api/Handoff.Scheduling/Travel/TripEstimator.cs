using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using NodaTime;

namespace Handoff.Scheduling.Travel;

/// <summary>Reported trips that informed an estimate: how many, what they say, who made them.</summary>
/// <param name="Median">The reported median pace applied to this trip's distance.</param>
/// <param name="Reporters">Display names with how many trips each reported, most first.</param>
public sealed record ReportBasis(int Count, int OutliersSetAside, Duration Median, Duration Model, IReadOnlyList<(string Name, int Trips)> Reporters)
{
    /// <summary>"6 trips Dana Ruiz reported" or "7 reported trips (5 by Dana Ruiz, 2 by Alex Kim)".</summary>
    public string Phrase() => Reporters.Count == 1
        ? $"{Count} trip{(Count == 1 ? "" : "s")} {Reporters[0].Name} reported"
        : $"{Count} reported trips ({string.Join(", ", Reporters.Select(r => $"{r.Trips} by {r.Name}"))})";
}

/// <summary>One trip's estimate: the leg (time blended with reports when there are enough), the profile used, the reports.</summary>
public sealed record TripEstimate(TravelLeg Leg, EffectiveTravelProfile Profile, ReportBasis? Reports)
{
    /// <summary>Between two in-person appointments: buffer after, the trip, buffer before, the lobby wait at the destination.</summary>
    public Duration Needed => Leg.Mode == TravelMode.SameSite ? Duration.Zero
        : Profile.Profile.BufferAfter + Leg.Time + Profile.Profile.BufferBefore + Profile.Profile.LobbyWait;

    /// <summary>From home: the trip, the buffer before and the lobby wait.</summary>
    public Duration NeededFromHome => Leg.Mode == TravelMode.SameSite ? Duration.Zero
        : Leg.Time + Profile.Profile.BufferBefore + Profile.Profile.LobbyWait;

    /// <summary>
    /// Why the estimate is what it is, for the warning: " The trip takes ~2 h 50 min, based on 6 trips Dana Ruiz
    /// reported. Travel profile: territory Central: 20 min lobby wait." Empty when only the map model and the
    /// built-in default applied, so warnings read as before.
    /// </summary>
    public string Reasoning(string rsmName)
    {
        var text = "";
        if (Reports is { } r)
        {
            var outliers = r.OutliersSetAside > 0 ? $", {r.OutliersSetAside} outlier{(r.OutliersSetAside == 1 ? "" : "s")} set aside" : "";
            text += $" The trip takes ~{Time.Formats.Span(Leg.Time)}, based on {r.Phrase()} (map estimate {Time.Formats.Span(r.Model)}{outliers}).";
        }
        if (Profile.Reasoning(rsmName) is { Length: > 0 } profile && Profile.Layers.Count > 0)
        {
            text += $" Travel profile: {profile}.";
        }
        return text;
    }
}

/// <summary>
/// The travel estimate that learns from the field. The profile is the built-in default overridden by the org's,
/// the destination region's and the destination territory's layers in that order, then by the RSM's own speed,
/// buffers and longest drive (the lobby wait belongs to the place, so it stays). The time is the map model
/// (<see cref="TravelEstimator"/>) moved toward the median of nearby reported trips (both ends within
/// <see cref="TravelOptions.ReportRadiusKm"/>, departing within <see cref="TravelOptions.ReportHourWindow"/> hours of
/// the same local time of day) once at least <see cref="TravelOptions.MinReports"/> remain after outliers are set aside.
/// </summary>
public sealed class TripEstimator(TravelOptions options, IFieldIntelSource intel)
{
    // Paces farther than this from the median (in robust standard deviations, MAD × 1.4826) are outliers,
    // but never closer than 20 % of the median: consistent reports should not make a 5 % difference an outlier.
    private const double OutlierSigmas = 3;
    private const double OutlierFloor = 0.2;

    public TripEstimator(TravelOptions options) : this(options, FixedFieldIntel.None)
    {
    }

    /// <summary>Profiles remembered per body of field intel, up to this many (RSMs × regions × territories in use).</summary>
    private const int MaxRemembered = 4096;

    /// <summary>
    /// The profile depends only on the field intel (replaced, not changed, when an admin edits a layer), the RSM, the
    /// destination's region and territory; a check asks for it for every RSM and every stop next to the meeting.
    /// </summary>
    private static readonly ConditionalWeakTable<FieldIntel, ConcurrentDictionary<ProfileKey, EffectiveTravelProfile>> Profiles = new();

    public TravelOptions Options => options;

    public EffectiveTravelProfile ProfileFor(RsmProfile rsm, Place destination, Territory? territory)
    {
        var current = intel.Current;
        var memory = Profiles.GetValue(current, static _ => new ConcurrentDictionary<ProfileKey, EffectiveTravelProfile>());
        var key = new ProfileKey(rsm, destination.Region, destination.Country, territory);
        if (memory.TryGetValue(key, out var known))
        {
            return known;
        }
        var profile = Compute(current, rsm, destination, territory);
        return memory.Count < MaxRemembered ? memory.GetOrAdd(key, profile) : profile;
    }

    private static EffectiveTravelProfile Compute(FieldIntel current, RsmProfile rsm, Place destination, Territory? territory)
    {
        var profile = TravelProfile.Default;
        var layers = new List<TravelProfileLayer>();
        foreach (var layer in new[]
                 {
                     current.Layer(TravelScope.Org, "org"),
                     current.Layer(TravelScope.Region, RegionKey(destination)),
                     territory is null ? null : current.Layer(TravelScope.Territory, territory.Id.ToString()),
                 })
        {
            if (layer is not null)
            {
                profile = layer.ApplyTo(profile);
                layers.Add(layer);
            }
        }
        if (rsm.Travel is { } own)
        {
            profile = own with { LobbyWait = own.LobbyWait > Duration.Zero ? own.LobbyWait : profile.LobbyWait };
            // Only the place's lobby wait survives the RSM's own settings; naming the rest would mislead.
            var lobby = own.LobbyWait > Duration.Zero ? null : layers.LastOrDefault(l => l.LobbyWait is not null);
            layers = lobby is null ? [] : [lobby with { AverageSpeedKmh = null, BufferBefore = null, BufferAfter = null, LongestDrive = null }];
        }
        return new EffectiveTravelProfile(profile, layers, rsm.Travel is not null);
    }

    /// <param name="departure">When the RSM would set off: sets the hour of day reports must match.</param>
    /// <param name="org">Names the reporters.</param>
    public TripEstimate Estimate(RsmProfile rsm, Place from, Place to, Instant departure, Territory? destinationTerritory, OrgSnapshot org) =>
        Estimate(ProfileFor(rsm, to, destinationTerritory), from, to, departure, org);

    /// <summary>The map model for this profile: what the trip takes before any reports move it.</summary>
    public TravelLeg Model(EffectiveTravelProfile profile, Place from, Place to) => TravelEstimator.Estimate(from.Point, to.Point, profile.Profile, options);

    /// <summary>The estimate with the profile already worked out (<see cref="ProfileFor"/>): the same for every trip to one place.</summary>
    public TripEstimate Estimate(EffectiveTravelProfile profile, Place from, Place to, Instant departure, OrgSnapshot org)
    {
        var model = Model(profile, from, to);
        // Most orgs report no trips: then the map model is the estimate, without looking for reports.
        if (model.Mode == TravelMode.SameSite || intel.Current.Trips.Count == 0 || Basis(from, to, departure, model, org) is not { } basis)
        {
            return new TripEstimate(model, profile, null);
        }
        var weight = basis.Count / (basis.Count + options.ReportPriorWeight);
        var minutes = model.Time.TotalMinutes + weight * (basis.Median.TotalMinutes - model.Time.TotalMinutes);
        var leg = model with { Time = Duration.FromMinutes(Math.Ceiling(minutes - 1e-9)) };
        return new TripEstimate(leg, profile, basis);
    }

    /// <summary>The reports near this trip, outliers set aside; null when fewer than the minimum remain.</summary>
    public ReportBasis? Basis(Place from, Place to, Instant departure, TravelLeg model, OrgSnapshot org)
    {
        var minuteOfDay = FieldIntel.MinuteOfDay(departure, from);
        var window = options.ReportHourWindow * 60;
        var near = intel.Current.FromNear(from.Point, options.ReportRadiusKm)
            .Where(t => CircularGap(t.MinuteOfDay, minuteOfDay) <= window && t.Trip.To.Point.DistanceKm(to.Point) <= options.ReportRadiusKm)
            .ToArray();
        if (near.Length < options.MinReports)
        {
            return null;
        }
        var median = Median(near.Select(t => t.MinutesPerKm));
        var spread = Median(near.Select(t => Math.Abs(t.MinutesPerKm - median))) * 1.4826;
        var limit = Math.Max(OutlierSigmas * spread, OutlierFloor * median);
        var kept = near.Where(t => Math.Abs(t.MinutesPerKm - median) <= limit).ToArray();
        if (kept.Length < options.MinReports)
        {
            return null;
        }
        var km = Math.Max(from.Point.DistanceKm(to.Point), 1);
        var reporters = kept.GroupBy(t => new EmailAddress(t.Trip.RsmEmail))
            .Select(g => (Name: org.FindRsm(g.Key)?.DisplayName ?? g.Key.Value, Trips: g.Count()))
            .OrderByDescending(r => r.Trips).ThenBy(r => r.Name, StringComparer.Ordinal).ToArray();
        return new ReportBasis(kept.Length, near.Length - kept.Length,
            Duration.FromMinutes(Math.Round(Median(kept.Select(t => t.MinutesPerKm)) * km)), model.Time, reporters);
    }

    /// <summary>"US-CA" for a place stored with a subdivision code or given by the gazetteer as country US, region CA.</summary>
    public static string? RegionKey(Place place) =>
        place.Region is not { Length: > 0 } region ? null
        : region.Contains('-') || place.Country is not { Length: > 0 } country ? region.ToUpperInvariant()
        : $"{country}-{region}".ToUpperInvariant();

    /// <summary>The RSM and territory by reference (the org snapshot's own objects), the region as the place gives it.</summary>
    private readonly record struct ProfileKey(RsmProfile Rsm, string? Region, string? Country, Territory? Territory)
    {
        public bool Equals(ProfileKey other) =>
            ReferenceEquals(Rsm, other.Rsm) && ReferenceEquals(Territory, other.Territory) &&
            string.Equals(Region, other.Region, StringComparison.Ordinal) && string.Equals(Country, other.Country, StringComparison.Ordinal);

        public override int GetHashCode() =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(Rsm), Territory is null ? 0 : RuntimeHelpers.GetHashCode(Territory), Region, Country);
    }

    private static double CircularGap(double a, double b)
    {
        var gap = Math.Abs(a - b) % 1440;
        return Math.Min(gap, 1440 - gap);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
