using Handoff.Api.Storage;
using Handoff.Places;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Routing;

namespace Handoff.Api.Admin.Territories;

/// <summary>
/// Where a written territory covers places another one covers too, and who gets them (docs/admin.md, "Overlaps and
/// precedence"). Not an error: overlaps are how a ZIP-prefix territory carves a city out of a state.
/// </summary>
/// <param name="Territory">The territory written (in an import: each created or updated one).</param>
/// <param name="OtherId">The territory it overlaps.</param>
/// <param name="Rule">The written territory's rule, e.g. "postalPrefixes: 933".</param>
/// <param name="OtherRule">The other territory's rule that covers the same places.</param>
/// <param name="Winner">The territory that gets the shared places; absent when it depends on the place (two circles: the nearer centre).</param>
/// <param name="Resolution">How the precedence resolves it, in words.</param>
public sealed record TerritoryOverlapDto(string Territory, Guid OtherId, string Other, string Rule, string OtherRule, string? Winner, string Resolution);

/// <summary>Runs <see cref="TerritoryOverlaps"/> on the directory as it is after a write, with the gazetteer's ZIPs and FSAs.</summary>
public sealed class TerritoryOverlapReport(StoreOrgDirectory directory, IPlaceResolver places)
{
    /// <summary>Prefixes shorter than this are not expanded to their codes (10,000 lookups at most).</summary>
    private const int ShortestExpandedZip = 1;

    public async Task<IReadOnlyList<TerritoryOverlapDto>> ForAsync(IReadOnlyCollection<Guid> written, CancellationToken ct)
    {
        var org = await directory.GetSnapshotAsync(ct);
        var names = org.Territories.Where(t => written.Contains(t.Id)).ToDictionary(t => t.Id, t => t.Name);
        var gazetteer = places switch { GazetteerPlaceResolver g => g, Api.Places.RememberedPlaces r => r.Gazetteer, _ => null };
        var point = gazetteer is null ? null : (Func<Handoff.Scheduling.Places.GeoPoint, Place?>)gazetteer.ResolvePoint;
        var all = new List<TerritoryOverlapDto>();
        foreach (var (id, name) in names.OrderBy(n => n.Value, StringComparer.Ordinal))
        {
            foreach (var o in TerritoryOverlaps.Find(org, id, PlacesOf, point))
            {
                // Two territories of the same import overlap each other once, under the first by name.
                if (!names.ContainsKey(o.OtherId) || string.CompareOrdinal(name, o.Other) < 0)
                {
                    all.Add(new TerritoryOverlapDto(name, o.OtherId, o.Other, o.Rule, o.OtherRule, o.Winner, o.Resolution));
                }
            }
        }
        return all;
    }

    /// <summary>The US ZIP codes under a numeric prefix, or the Canadian FSA a three-character prefix names.</summary>
    private static IReadOnlyList<Place> PlacesOf(string prefix)
    {
        var gazetteer = Gazetteer.Default;
        var found = new List<Place>();
        if (prefix.Length is >= ShortestExpandedZip and <= 5 && prefix.All(char.IsAsciiDigit))
        {
            var count = (int)Math.Pow(10, 5 - prefix.Length);
            for (var i = 0; i < count; i++)
            {
                var code = prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(5 - prefix.Length, '0')[..(5 - prefix.Length)];
                if (gazetteer.TryGetPostalCode(code, out var entry))
                {
                    found.Add(new Place(entry.Name, entry.Point, entry.ZoneId, entry.Country, entry.Region, entry.Code));
                }
            }
        }
        else if (prefix.Length == 3 && gazetteer.TryGetPostalCode(prefix, out var fsa))
        {
            found.Add(new Place(fsa.Name, fsa.Point, fsa.ZoneId, fsa.Country, fsa.Region, fsa.Code));
        }
        return found;
    }
}
