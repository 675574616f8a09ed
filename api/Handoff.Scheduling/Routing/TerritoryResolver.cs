using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Time;
using NodaTime;

namespace Handoff.Scheduling.Routing;

/// <summary>
/// Finds the territory of a place. Precedence: postal/ZIP prefix (longest wins) &gt; radius (nearest centre) &gt;
/// region ("US-CA") &gt; country. Ties go to the territory tagged with the requested vertical, then the one whose
/// owner has the better priority, then by name. Indexes are built once per <see cref="OrgSnapshot"/>, and the
/// answers a check asks again and again (a territory's members, an RSM's home territory, the territory of a calendar
/// item's place) are remembered with it: the snapshot does not change, so neither do they.
/// </summary>
public sealed class TerritoryResolver
{
    private static readonly ConditionalWeakTable<OrgSnapshot, TerritoryResolver> Cache = new();

    private readonly OrgSnapshot _org;
    private readonly Dictionary<string, List<Territory>> _byPostalPrefix = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Territory>> _byRegion = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Territory>> _byCountry = new(StringComparer.Ordinal);
    private readonly List<(Territory Territory, RadiusRule Rule)> _radii = [];
    private readonly int _longestPrefix;
    private readonly Dictionary<Territory, int> _bestPriority = new(ReferenceEqualityComparer.Instance);

    /// <summary>Answers remembered per snapshot, up to <see cref="MaxRemembered"/> each (verticals and places are open-ended).</summary>
    private const int MaxRemembered = 4096;
    private readonly ConcurrentDictionary<(Territory Territory, string? Vertical), RsmProfile[]> _members = new(MemberKeys.Instance);
    private readonly ConcurrentDictionary<string, Territory?> _homes = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<(Place Place, string? Vertical), TerritoryMatch> _matches = new();

    private TerritoryResolver(OrgSnapshot org)
    {
        _org = org;
        foreach (var territory in org.Territories)
        {
            var rules = territory.Rules;
            foreach (var prefix in rules.PostalPrefixes ?? [])
            {
                var key = NormalizePostal(prefix);
                if (key.Length > 0)
                {
                    Add(_byPostalPrefix, key, territory);
                    _longestPrefix = Math.Max(_longestPrefix, key.Length);
                }
            }
            foreach (var region in rules.Regions ?? [])
            {
                Add(_byRegion, region.Trim().ToUpperInvariant(), territory);
            }
            foreach (var country in rules.Countries ?? [])
            {
                Add(_byCountry, country.Trim().ToUpperInvariant(), territory);
            }
            _radii.AddRange((rules.Radii ?? []).Select(r => (territory, r)));
            _bestPriority[territory] = territory.Assignments.Where(a => org.FindRsm(a.RsmEmail) is { Active: true })
                .Select(a => a.Priority).DefaultIfEmpty(int.MaxValue).Min();
        }
    }

    public static TerritoryResolver For(OrgSnapshot org) => Cache.GetValue(org, o => new TerritoryResolver(o));

    /// <summary>The territory of <paramref name="place"/> (places are records: an equal place gets the same answer from this snapshot).</summary>
    public TerritoryMatch Resolve(Place place, string? vertical) =>
        Remember(_matches, (place, vertical), static (key, self) => self.Match(key.Item1, key.Item2), this);

    private TerritoryMatch Match(Place place, string? vertical)
    {
        var zone = TimeZoneIds.TryResolve(place.ZoneId, out var z) ? z : null;
        if (Find(place, vertical) is not { } found)
        {
            return new TerritoryMatch(place, null, null, SpecialistFor(null, vertical, place, null), ResolvedBy.None,
                $"No territory covers {place.Label}.", zone);
        }
        var (territory, by, how) = found;
        var owner = OwnerOf(territory, vertical);
        var explanation = owner is null ? $"{how}, which has no active RSM assigned" : how;
        return new TerritoryMatch(place, territory, owner, SpecialistFor(territory, vertical, place, owner), by, explanation,
            zone ?? territory.DefaultProspectZone);
    }

    /// <summary>The territory an RSM works first (lowest priority number), for when the prospect's place is unknown.</summary>
    public Territory? HomeTerritoryOf(string rsmEmail) =>
        Remember(_homes, rsmEmail.Trim(), static (email, self) => self.FirstTerritoryOf(email), this);

    private Territory? FirstTerritoryOf(string rsmEmail) =>
        _org.Territories
            .SelectMany(t => t.Assignments.Where(a => SameEmail(a.RsmEmail, rsmEmail)).Select(a => (t, a.Priority)))
            .OrderBy(x => x.Priority).ThenBy(x => x.t.Name, StringComparer.Ordinal)
            .Select(x => x.t).FirstOrDefault();

    /// <summary>The territory's active RSMs, owner first.</summary>
    public IEnumerable<RsmProfile> MembersOf(Territory territory, string? vertical) => Members(territory, vertical);

    public RsmProfile? OwnerOf(Territory territory, string? vertical)
    {
        var members = Members(territory, vertical);
        return members.Length > 0 ? members[0] : null;
    }

    private RsmProfile[] Members(Territory territory, string? vertical) =>
        Remember(_members, (territory, vertical), static (key, self) => self.Rank(key.Item1, key.Item2), this);

    private RsmProfile[] Rank(Territory territory, string? vertical) =>
        territory.Assignments
            .Select(a => (a, rsm: _org.FindRsm(a.RsmEmail)))
            .Where(x => x.rsm is { Active: true })
            .OrderBy(x => x.a.Priority).ThenBy(x => x.rsm!.Specialises(vertical) ? 0 : 1).ThenBy(x => x.rsm!.Email, StringComparer.OrdinalIgnoreCase)
            .Select(x => x.rsm!)
            .ToArray();

    private static TValue Remember<TKey, TValue>(ConcurrentDictionary<TKey, TValue> memory, TKey key, Func<TKey, TerritoryResolver, TValue> compute, TerritoryResolver self)
        where TKey : notnull
    {
        if (memory.TryGetValue(key, out var known))
        {
            return known;
        }
        var value = compute(key, self);
        return memory.Count < MaxRemembered ? memory.GetOrAdd(key, value) : value;
    }

    public bool IsAssigned(Territory territory, string rsmEmail) => territory.Assignments.Any(a => SameEmail(a.RsmEmail, rsmEmail));

    /// <summary>
    /// Someone who specialises in the vertical when the owner does not: first another member of the territory,
    /// else the specialist whose home base is nearest the place.
    /// </summary>
    private RsmProfile? SpecialistFor(Territory? territory, string? vertical, Place place, RsmProfile? owner)
    {
        if (vertical is null || owner?.Specialises(vertical) == true)
        {
            return null;
        }
        var inTerritory = territory is null ? null : MembersOf(territory, vertical).FirstOrDefault(r => r.Specialises(vertical));
        return inTerritory ?? _org.Rsms
            .Where(r => r.Active && r.Specialises(vertical))
            .OrderBy(r => r.HomeBase is { } home ? home.Point.DistanceKm(place.Point) : double.MaxValue)
            .ThenBy(r => r.Email, StringComparer.OrdinalIgnoreCase)
            .FirstOrDefault();
    }

    private (Territory Territory, ResolvedBy By, string How)? Find(Place place, string? vertical)
    {
        var postal = NormalizePostal(place.PostalCode);
        for (var length = Math.Min(postal.Length, _longestPrefix); length > 0; length--)
        {
            if (_byPostalPrefix.TryGetValue(postal[..length], out var hits))
            {
                var best = Best(hits, vertical);
                var kind = string.Equals(place.Country, "US", StringComparison.OrdinalIgnoreCase) ? "ZIP prefix" : "Postal prefix";
                return (best, ResolvedBy.PostalPrefix, $"{kind} {postal[..length]} in territory {best.Name}");
            }
        }

        (Territory Territory, double Km, RadiusRule Rule)? nearest = null;
        foreach (var (territory, rule) in _radii)
        {
            var km = rule.Center.DistanceKm(place.Point);
            if (km <= rule.RadiusKm && (nearest is null || km < nearest.Value.Km ||
                (km == nearest.Value.Km && Better(territory, nearest.Value.Territory, vertical))))
            {
                nearest = (territory, km, rule);
            }
        }
        if (nearest is { } n)
        {
            return (n.Territory, ResolvedBy.Radius, $"Within {n.Rule.RadiusKm:0} km of the centre of territory {n.Territory.Name} ({n.Km:0} km away)");
        }

        if (RegionCode(place) is { } region && _byRegion.TryGetValue(region, out var regional))
        {
            var best = Best(regional, vertical);
            return (best, ResolvedBy.Region, $"Region {region} in territory {best.Name}");
        }
        if (place.Country?.Trim().ToUpperInvariant() is { Length: > 0 } country && _byCountry.TryGetValue(country, out var national))
        {
            var best = Best(national, vertical);
            return (best, ResolvedBy.Country, $"Country {country} in territory {best.Name}");
        }
        return null;
    }

    private Territory Best(List<Territory> candidates, string? vertical)
    {
        var best = candidates[0];
        for (var i = 1; i < candidates.Count; i++)
        {
            if (Better(candidates[i], best, vertical))
            {
                best = candidates[i];
            }
        }
        return best;
    }

    private bool Better(Territory a, Territory b, string? vertical)
    {
        var va = Tagged(a, vertical);
        var vb = Tagged(b, vertical);
        if (va != vb)
        {
            return va;
        }
        var pa = BestPriority(a);
        var pb = BestPriority(b);
        return pa != pb ? pa < pb : string.CompareOrdinal(a.Name, b.Name) < 0;
    }

    private int BestPriority(Territory t) => _bestPriority[t];

    private static bool Tagged(Territory t, string? vertical) =>
        vertical is not null && (t.Verticals ?? []).Any(v => string.Equals(v, vertical, StringComparison.OrdinalIgnoreCase));

    /// <summary>"US-CA" from a place whose region is "CA" or already "US-CA".</summary>
    internal static string? RegionCode(Place place)
    {
        if (place.Region?.Trim().ToUpperInvariant() is not { Length: > 0 } region)
        {
            return null;
        }
        return region.Contains('-') || place.Country is not { Length: > 0 } country ? region : $"{country.Trim().ToUpperInvariant()}-{region}";
    }

    internal static string NormalizePostal(string? code)
    {
        if (code is null)
        {
            return "";
        }
        foreach (var c in code)
        {
            if (char.IsWhiteSpace(c) || c == '-' || char.ToUpperInvariant(c) != c)
            {
                return string.Concat(code.Where(c => !char.IsWhiteSpace(c) && c != '-')).ToUpperInvariant();
            }
        }
        return code; // already normal (digits, upper-case letters): most ZIP codes
    }

    private static bool SameEmail(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static void Add(Dictionary<string, List<Territory>> index, string key, Territory territory)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }
        if (!list.Contains(territory))
        {
            list.Add(territory);
        }
    }

    /// <summary>Territories by reference (they are the snapshot's own), verticals as given (ordinal).</summary>
    private sealed class MemberKeys : IEqualityComparer<(Territory Territory, string? Vertical)>
    {
        public static readonly MemberKeys Instance = new();

        public bool Equals((Territory Territory, string? Vertical) x, (Territory Territory, string? Vertical) y) =>
            ReferenceEquals(x.Territory, y.Territory) && string.Equals(x.Vertical, y.Vertical, StringComparison.Ordinal);

        public int GetHashCode((Territory Territory, string? Vertical) key) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(key.Territory), key.Vertical is null ? 0 : StringComparer.Ordinal.GetHashCode(key.Vertical));
    }
}
