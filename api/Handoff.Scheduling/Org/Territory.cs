using Handoff.Scheduling.Places;
using Handoff.Scheduling.Routing.Modes;
using NodaTime;

namespace Handoff.Scheduling.Org;

/// <summary>A circle on the map: everything within <see cref="RadiusKm"/> of <see cref="Center"/>.</summary>
public sealed record RadiusRule(GeoPoint Center, double RadiusKm);

/// <summary>
/// What a territory covers; a place matches when it matches any rule. Countries are ISO 3166 alpha-2
/// ("US", "CA"); regions are "US-CA" style subdivision codes; postal prefixes compare ignoring case and spaces.
/// </summary>
public sealed record TerritoryRules(
    IReadOnlyList<string>? Countries = null,
    IReadOnlyList<string>? Regions = null,
    IReadOnlyList<string>? PostalPrefixes = null,
    IReadOnlyList<RadiusRule>? Radii = null);

/// <summary>
/// An RSM assigned to a territory; lower <see cref="Priority"/> comes first. <see cref="Weight"/> scales their round-robin
/// share; <see cref="AddedAt"/> (null: since before anything counted) is when they joined the pool.
/// </summary>
public sealed record TerritoryAssignment(string RsmEmail, int Priority, double Weight = 1, Instant? AddedAt = null);

public sealed record Territory(
    Guid Id,
    string Name,
    TerritoryRules Rules,
    IReadOnlyList<TerritoryAssignment> Assignments,
    IReadOnlyList<string>? Verticals = null,
    DateTimeZone? DefaultProspectZone = null,
    RoutingSettings? Routing = null)
{
    /// <summary>How the territory picks among its RSMs (priority unless set).</summary>
    public RoutingSettings RoutingOrDefault => Routing ?? RoutingSettings.Default;
}
