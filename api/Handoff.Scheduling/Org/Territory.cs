using Handoff.Scheduling.Places;
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

/// <summary>An RSM assigned to a territory; lower <see cref="Priority"/> comes first.</summary>
public sealed record TerritoryAssignment(string RsmEmail, int Priority);

public sealed record Territory(
    Guid Id,
    string Name,
    TerritoryRules Rules,
    IReadOnlyList<TerritoryAssignment> Assignments,
    IReadOnlyList<string>? Verticals = null,
    DateTimeZone? DefaultProspectZone = null);
