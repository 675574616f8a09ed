using System.Collections.Frozen;
using Handoff.Places.Text;

namespace Handoff.Places;

/// <summary>
/// The worldwide lookups: every city by its key alone (namesakes across countries, most populous first),
/// countries by name, alias, native name or ISO code, and first-level regions outside the US and Canada by name
/// or short code. Built once at load; frozen.
/// </summary>
internal sealed class WorldIndex
{
    private readonly FrozenDictionary<string, GazetteerEntry[]>.AlternateLookup<ReadOnlySpan<char>> namesakes;
    private readonly FrozenDictionary<string, GazetteerEntry>.AlternateLookup<ReadOnlySpan<char>> countriesByWords;
    private readonly FrozenDictionary<string, GazetteerEntry> countriesByCode;
    private readonly FrozenDictionary<string, GazetteerEntry[]>.AlternateLookup<ReadOnlySpan<char>> regionsByWords;
    private readonly FrozenDictionary<string, GazetteerEntry[]> citiesByCountry;
    private readonly FrozenDictionary<string, string> regionNames;

    public WorldIndex(IEnumerable<GazetteerEntry> entries)
    {
        var byKey = new Dictionary<string, List<GazetteerEntry>>(200_000, StringComparer.Ordinal);
        var countries = new Dictionary<string, GazetteerEntry>(StringComparer.Ordinal);
        var codes = new Dictionary<string, GazetteerEntry>(StringComparer.OrdinalIgnoreCase);
        var regions = new Dictionary<string, List<GazetteerEntry>>(StringComparer.Ordinal);
        var byCountry = new Dictionary<string, List<GazetteerEntry>>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            switch (entry.Kind)
            {
                case GazetteerEntryKind.City:
                    foreach (var name in entry.Names.Prepend(entry.Name))
                    {
                        Add(byKey, PlaceText.CityKey(name), entry);
                    }
                    Add(byCountry, entry.Country, entry);
                    break;
                case GazetteerEntryKind.Country:
                    codes[entry.Code!] = entry;
                    foreach (var name in entry.Names.Prepend(entry.Name))
                    {
                        var words = string.Join(' ', PlaceText.Words(name));
                        // Two countries sharing an alias ("Congo"): the more populous keeps it.
                        if (words.Length > 0 && (!countries.TryGetValue(words, out var other) || other.Population < entry.Population))
                        {
                            countries[words] = entry;
                        }
                    }
                    break;
                case GazetteerEntryKind.Region:
                    names[$"{entry.Country}.{entry.Code}"] = entry.Name;
                    foreach (var name in entry.Names.Prepend(entry.Name))
                    {
                        Add(regions, string.Join(' ', PlaceText.Words(name)), entry);
                    }
                    break;
            }
        }
        namesakes = byKey.ToFrozenDictionary(k => k.Key, k => ByPopulation(k.Value), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        countriesByWords = countries.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        countriesByCode = codes.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        regionsByWords = regions.ToFrozenDictionary(k => k.Key, k => ByPopulation(k.Value), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        citiesByCountry = byCountry.ToFrozenDictionary(k => k.Key, k => ByPopulation(k.Value), StringComparer.Ordinal);
        regionNames = names.ToFrozenDictionary(StringComparer.Ordinal);
        MaxCountryWords = countries.Keys.Select(k => k.Count(c => c == ' ') + 1).DefaultIfEmpty(1).Max();
    }

    /// <summary>Longest country name in words; bounds suffix searches.</summary>
    public int MaxCountryWords { get; }

    /// <summary>Cities whose name or other name has this key ("london"), most populous first; empty if none.</summary>
    public ReadOnlySpan<GazetteerEntry> Namesakes(ReadOnlySpan<char> cityKey) =>
        namesakes.TryGetValue(cityKey, out var list) ? list : [];

    /// <summary>A country by its words ("united kingdom", "deutschland", "gbr").</summary>
    public GazetteerEntry? CountryByWords(ReadOnlySpan<char> words) => countriesByWords.TryGetValue(words, out var c) ? c : null;

    /// <summary>A country by ISO 3166-1 alpha-2 code ("GB").</summary>
    public GazetteerEntry? CountryByCode(string code) => countriesByCode.GetValueOrDefault(code);

    /// <summary>Regions outside the US and Canada with this name or short code ("new south wales", "nsw"), most populous first.</summary>
    public ReadOnlySpan<GazetteerEntry> RegionsByWords(ReadOnlySpan<char> words) =>
        regionsByWords.TryGetValue(words, out var list) ? list : [];

    /// <summary>The name of a region outside the US and Canada ("GB", "ENG" → "England"), or null.</summary>
    public string? RegionName(string country, string region) => regionNames.GetValueOrDefault($"{country}.{region}");

    /// <summary>A country's cities, most populous first.</summary>
    public IReadOnlyList<GazetteerEntry> CitiesOf(string country) => citiesByCountry.GetValueOrDefault(country) ?? [];

    private static void Add(Dictionary<string, List<GazetteerEntry>> index, string key, GazetteerEntry entry)
    {
        if (key.Length == 0)
        {
            return;
        }
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }
        // An entry's names are added one after another, so a repeat (a name and an alias with one key) is the
        // last one; a reference check, because record equality would compare every field of every namesake.
        if (list.Count == 0 || !ReferenceEquals(list[^1], entry))
        {
            list.Add(entry);
        }
    }

    private static GazetteerEntry[] ByPopulation(List<GazetteerEntry> list) =>
        [.. list.OrderByDescending(e => e.Population).ThenBy(e => e.Country, StringComparer.Ordinal).ThenBy(e => e.Region, StringComparer.Ordinal)];
}
