using System.Globalization;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;

namespace Handoff.Scheduling.Routing;

/// <summary>
/// One way a territory's rule covers places another territory's rule covers too, and who gets them.
/// <see cref="Winner"/> is null when it depends on the place (two circles: the nearer centre).
/// </summary>
public sealed record TerritoryOverlap(Guid OtherId, string Other, string Rule, string OtherRule, string? Winner, string Resolution);

/// <summary>
/// Finds where a territory overlaps the others and says how <see cref="TerritoryResolver"/>'s precedence resolves
/// each overlap: a postal prefix (the longer one) beats a radius, which beats a region, which beats a country; at the
/// same level the territory tagged with the request's vertical wins, then the better owner priority, then the name.
/// Same-level overlaps are found from the rules alone; a prefix against a radius, region or country needs the places
/// under the prefix (<c>placesOfPrefix</c>, from the gazetteer), a radius against a region or country its centre's.
/// </summary>
public static class TerritoryOverlaps
{
    /// <summary>At most this many overlaps per pair of territories are reported (a whole list of shared ZIPs says little more).</summary>
    public const int MaxPerTerritory = 10;

    public static IReadOnlyList<TerritoryOverlap> Find(
        OrgSnapshot org, Guid territoryId, Func<string, IReadOnlyList<Place>>? placesOfPrefix = null, Func<GeoPoint, Place?>? placeOfPoint = null)
    {
        if (org.Territories.FirstOrDefault(t => t.Id == territoryId) is not { } mine)
        {
            return [];
        }
        var resolver = TerritoryResolver.For(org);
        var prefixPlaces = new Dictionary<string, IReadOnlyList<Place>>(StringComparer.Ordinal);
        IReadOnlyList<Place> Under(string prefix) => placesOfPrefix is null ? [] :
            prefixPlaces.TryGetValue(prefix, out var known) ? known : prefixPlaces[prefix] = placesOfPrefix(prefix);
        var found = new List<TerritoryOverlap>();
        foreach (var other in org.Territories.Where(t => t.Id != mine.Id).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var pair = new Pair(mine, other, resolver);
            found.AddRange(pair.Prefixes(Under).Concat(pair.Radii(placeOfPoint)).Concat(pair.Regions()).Take(MaxPerTerritory));
        }
        return found;
    }

    private sealed class Pair(Territory mine, Territory other, TerritoryResolver resolver)
    {
        private static readonly string[] Levels = ["postal prefix", "radius", "region", "country"];

        public IEnumerable<TerritoryOverlap> Prefixes(Func<string, IReadOnlyList<Place>> under)
        {
            var mineList = Normalized(mine.Rules.PostalPrefixes);
            var otherList = Normalized(other.Rules.PostalPrefixes);
            foreach (var p in mineList)
            {
                foreach (var q in otherList.Where(q => p.StartsWith(q, StringComparison.Ordinal) || q.StartsWith(p, StringComparison.Ordinal)))
                {
                    if (p == q)
                    {
                        yield return Tie($"postalPrefixes: {p}", $"postalPrefixes: {q}", $"Both list prefix {p}");
                    }
                    else
                    {
                        var (longer, shorter, winner) = p.Length > q.Length ? (p, q, mine) : (q, p, other);
                        var loser = winner == mine ? other : mine;
                        yield return Overlap($"postalPrefixes: {p}", $"postalPrefixes: {q}", winner.Name,
                            $"The longer prefix wins: {winner.Name} gets codes starting {longer}, {loser.Name} keeps the rest of {shorter}.");
                    }
                }
            }
            // A prefix against the other's wider rules (and the other way round): the prefix wins where both apply.
            foreach (var (owner, rival, prefixes) in new[] { (mine, other, mineList), (other, mine, otherList) })
            {
                foreach (var prefix in prefixes)
                {
                    var places = under(prefix);
                    if (places.Count == 0)
                    {
                        continue;
                    }
                    if ((rival.Rules.Radii ?? []).FirstOrDefault(r => places.Any(p => r.Center.DistanceKm(p.Point) <= r.RadiusKm)) is { } circle)
                    {
                        yield return Cross(owner, $"postalPrefixes: {prefix}", rival, Radius(circle), 0, 1, $"codes starting {prefix} within {Km(circle.RadiusKm)} km of {rival.Name}'s centre");
                    }
                    var regions = places.Select(TerritoryResolver.RegionCode).OfType<string>().ToHashSet(StringComparer.Ordinal);
                    if (Upper(rival.Rules.Regions).FirstOrDefault(regions.Contains) is { } region)
                    {
                        yield return Cross(owner, $"postalPrefixes: {prefix}", rival, $"regions: {region}", 0, 2, $"codes starting {prefix} in {region}");
                    }
                    var countries = places.Select(p => p.Country?.ToUpperInvariant()).OfType<string>().ToHashSet(StringComparer.Ordinal);
                    if (Upper(rival.Rules.Countries).FirstOrDefault(countries.Contains) is { } country)
                    {
                        yield return Cross(owner, $"postalPrefixes: {prefix}", rival, $"countries: {country}", 0, 3, $"codes starting {prefix} in {country}");
                    }
                }
            }
        }

        public IEnumerable<TerritoryOverlap> Radii(Func<GeoPoint, Place?>? placeOf)
        {
            foreach (var a in mine.Rules.Radii ?? [])
            {
                foreach (var b in (other.Rules.Radii ?? []).Where(b => a.Center.DistanceKm(b.Center) < a.RadiusKm + b.RadiusKm))
                {
                    yield return Overlap(Radius(a), Radius(b), null,
                        $"The circles overlap (centres {Km(a.Center.DistanceKm(b.Center))} km apart): a place in both goes to the nearer centre, " +
                        $"and at the same distance {Tiebreak().Winner.Name} ({Tiebreak().Why}).");
                }
            }
            if (placeOf is null)
            {
                yield break;
            }
            foreach (var (owner, rival) in new[] { (mine, other), (other, mine) })
            {
                foreach (var circle in owner.Rules.Radii ?? [])
                {
                    if (placeOf(circle.Center) is not { } centre)
                    {
                        continue;
                    }
                    if (TerritoryResolver.RegionCode(centre) is { } region && Upper(rival.Rules.Regions).Contains(region))
                    {
                        yield return Cross(owner, Radius(circle), rival, $"regions: {region}", 1, 2, $"places in {region} within {Km(circle.RadiusKm)} km of its centre");
                    }
                    if (centre.Country?.ToUpperInvariant() is { } country && Upper(rival.Rules.Countries).Contains(country))
                    {
                        yield return Cross(owner, Radius(circle), rival, $"countries: {country}", 1, 3, $"places in {country} within {Km(circle.RadiusKm)} km of its centre");
                    }
                }
            }
        }

        public IEnumerable<TerritoryOverlap> Regions()
        {
            var myRegions = Upper(mine.Rules.Regions);
            var theirRegions = Upper(other.Rules.Regions);
            foreach (var region in myRegions.Where(theirRegions.Contains))
            {
                yield return Tie($"regions: {region}", $"regions: {region}", $"Both list region {region}");
            }
            foreach (var country in Upper(mine.Rules.Countries).Where(Upper(other.Rules.Countries).Contains))
            {
                yield return Tie($"countries: {country}", $"countries: {country}", $"Both list country {country}");
            }
            foreach (var (owner, rival, regions) in new[] { (mine, other, myRegions), (other, mine, theirRegions) })
            {
                foreach (var region in regions.Where(r => Upper(rival.Rules.Countries).Contains(r.Split('-')[0])))
                {
                    yield return Cross(owner, $"regions: {region}", rival, $"countries: {region.Split('-')[0]}", 2, 3, $"places in {region}");
                }
            }
        }

        /// <summary>Different levels: the more specific rule's territory gets the shared places.</summary>
        private TerritoryOverlap Cross(Territory owner, string ownerRule, Territory rival, string rivalRule, int ownerLevel, int rivalLevel, string where)
        {
            var text = $"A {Levels[ownerLevel]} beats a {Levels[rivalLevel]}: {owner.Name} gets {where}.";
            return owner == mine ? Overlap(ownerRule, rivalRule, owner.Name, text) : Overlap(rivalRule, ownerRule, owner.Name, text);
        }

        private TerritoryOverlap Tie(string rule, string otherRule, string what)
        {
            var (winner, why) = Tiebreak();
            var vertical = Tags(mine).SetEquals(Tags(other)) ? "" : " Requests naming a vertical only one of them is tagged with go to that one.";
            return Overlap(rule, otherRule, winner.Name, $"{what}: {winner.Name} gets those places ({why}).{vertical}");
        }

        private (Territory Winner, string Why) Tiebreak()
        {
            var pm = BestPriority(mine);
            var po = BestPriority(other);
            if (pm != po)
            {
                return pm < po ? (mine, $"its owner's priority {pm} comes before {po}") : (other, $"its owner's priority {po} comes before {pm}");
            }
            var first = string.CompareOrdinal(mine.Name, other.Name) < 0 ? mine : other;
            return (first, "same owner priority, so the first by name");
        }

        private int BestPriority(Territory t) =>
            resolver.MembersOf(t, null).Select(r => t.Assignments.Where(a => r.Address == new EmailAddress(a.RsmEmail))
                .Min(a => a.Priority)).DefaultIfEmpty(int.MaxValue).Min();

        private TerritoryOverlap Overlap(string rule, string otherRule, string? winner, string resolution) =>
            new(other.Id, other.Name, rule, otherRule, winner, resolution);

        private static HashSet<string> Tags(Territory t) => (t.Verticals ?? []).Select(v => v.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

        private static List<string> Normalized(IReadOnlyList<string>? prefixes) =>
            (prefixes ?? []).Select(TerritoryResolver.NormalizePostal).Where(p => p.Length > 0).Distinct().ToList();

        private static HashSet<string> Upper(IReadOnlyList<string>? codes) =>
            (codes ?? []).Select(c => c.Trim().ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);

        private static string Radius(RadiusRule r) =>
            string.Create(CultureInfo.InvariantCulture, $"radii: {Km(r.RadiusKm)} km around {r.Center.Latitude:0.####},{r.Center.Longitude:0.####}");

        private static string Km(double km) => km.ToString("0.#", CultureInfo.InvariantCulture);
    }
}
