using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.IO.Compression;
using Handoff.Places.Text;
using Handoff.Scheduling.Places;

namespace Handoff.Places;

/// <summary>
/// The offline gazetteer: US ZIP codes, Canadian postal prefixes (FSAs) and US/Canadian cities, each with a
/// point and a canonical IANA zone, in frozen in-memory indexes. Immutable once built, so one instance serves
/// every thread. <see cref="Default"/> loads the embedded data once, lazily (~0.6 s of CPU, ~22 MB): processes that
/// never place a meeting (tools, most tests) do not pay for it; the API should touch it at start-up so the
/// first request does not either.
/// </summary>
public sealed class Gazetteer
{
    private const string ResourceName = "Handoff.Places.gazetteer.tsv.gz";

    private static readonly Lazy<Gazetteer> Embedded = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, GazetteerEntry>.AlternateLookup<ReadOnlySpan<char>> postal;
    private readonly FrozenDictionary<string, GazetteerEntry>.AlternateLookup<ReadOnlySpan<char>> cities;
    private readonly NearestGrid grid;

    private Gazetteer(string header, IReadOnlyList<GazetteerEntry> entries)
    {
        Header = header;
        Entries = entries;
        var codes = new Dictionary<string, GazetteerEntry>(50_000, StringComparer.OrdinalIgnoreCase);
        var byKeyAndRegion = new Dictionary<string, GazetteerEntry>(40_000, StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            if (entry.Kind is GazetteerEntryKind.ZipCode or GazetteerEntryKind.PostalPrefix)
            {
                codes.Add(entry.Code!, entry);
                continue;
            }
            // "city|region" keys are for the US and Canada, whose region codes are unique across both.
            if (entry.Kind != GazetteerEntryKind.City || !entry.IsNorthAmerican)
            {
                continue;
            }
            var key = PlaceText.CityKey(entry.Name);
            var keyAndRegion = $"{key}|{entry.Region}";
            if (!byKeyAndRegion.TryGetValue(keyAndRegion, out var same) || entry.Population > same.Population)
            {
                byKeyAndRegion[keyAndRegion] = entry;
            }
        }
        postal = codes.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        cities = byKeyAndRegion.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        World = new WorldIndex(entries);
        // Regions and countries sit at their largest city's point: the city itself is the better neighbour.
        grid = new NearestGrid(entries.Where(e => e.Kind is not (GazetteerEntryKind.Region or GazetteerEntryKind.Country)));
    }

    /// <summary>The embedded data, loaded on first use (thread-safe).</summary>
    public static Gazetteer Default => Embedded.Value;

    /// <summary>First line of the data: format, tz database version.</summary>
    public string Header { get; }

    public IReadOnlyList<GazetteerEntry> Entries { get; }

    /// <summary>Reads gzip-compressed gazetteer TSV (format: Data/SOURCES.md); throws <see cref="InvalidDataException"/> on bad data.</summary>
    public static Gazetteer Load(Stream gzipped)
    {
        using var gzip = new GZipStream(gzipped, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new StreamReader(gzip, System.Text.Encoding.UTF8);
        var (header, entries) = GazetteerReader.Read(reader);
        return new Gazetteer(header, entries.AsReadOnly());
    }

    /// <summary>A US ZIP code ("93706") or Canadian FSA ("M5H"), any case.</summary>
    public bool TryGetPostalCode(ReadOnlySpan<char> code, [NotNullWhen(true)] out GazetteerEntry? entry) =>
        postal.TryGetValue(code, out entry);

    /// <summary>A US or Canadian city by name as people write it ("St. Louis", "Montreal") and region code ("MO").</summary>
    public bool TryGetCity(string name, string regionCode, [NotNullWhen(true)] out GazetteerEntry? entry) =>
        cities.TryGetValue($"{PlaceText.CityKey(name)}|{regionCode}", out entry);

    /// <summary>A city by key and region joined as "saintlouis|MO" (see <see cref="PlaceText.CityKey"/>).</summary>
    internal bool TryGetCityByKey(ReadOnlySpan<char> keyAndRegion, [NotNullWhen(true)] out GazetteerEntry? entry) =>
        cities.TryGetValue(keyAndRegion, out entry);

    /// <summary>Cities, countries and regions worldwide.</summary>
    internal WorldIndex World { get; }

    /// <summary>
    /// The entry nearest to <paramref name="point"/> within <paramref name="maxKm"/>, or null. Its zone is the
    /// zone of the nearest known place, not a polygon lookup: within a few km of a zone boundary it can be the
    /// neighbour's, and offshore or in empty country it is only as good as the nearest entry.
    /// </summary>
    public GazetteerEntry? Nearest(GeoPoint point, double maxKm, out double distanceKm) =>
        grid.Nearest(point, maxKm, out distanceKm);

    private static Gazetteer LoadEmbedded()
    {
        using var stream = typeof(Gazetteer).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        return Load(stream);
    }
}
