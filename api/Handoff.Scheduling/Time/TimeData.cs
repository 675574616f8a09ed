using System.IO.Compression;
using System.Text;

namespace Handoff.Scheduling.Time;

/// <summary>
/// Reads the generated CLDR and holiday tables embedded in this assembly (Time/Data, made by tools/cldr):
/// skips the '#' header and the column line, gives each row's tab-separated fields.
/// </summary>
internal static class TimeData
{
    public static IEnumerable<string[]> Rows(string file)
    {
        using var stream = typeof(TimeData).Assembly.GetManifestResourceStream($"Handoff.Time.{file}")
            ?? throw new InvalidOperationException($"The embedded time data '{file}' is missing: rebuild Handoff.Scheduling.");
        using var text = file.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        using var reader = new StreamReader(text, Encoding.UTF8);
        reader.ReadLine();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                yield return line.Split('\t');
            }
        }
    }
}

/// <summary>One CLDR zone: its IANA id, legacy aliases, English metazone name and exemplar city.</summary>
public sealed record CldrZone(string Id, IReadOnlyList<string> Aliases, string? Metazone, string? MetazoneName, string City, bool Golden);

/// <summary>The CLDR zone table (zones.tsv) and Windows mapping (windows-zones.tsv).</summary>
public static class CldrZones
{
    private static readonly Lazy<Dictionary<string, CldrZone>> ByAnyId = new(LoadZones);
    private static readonly Lazy<IReadOnlyList<WindowsZone>> WindowsTable = new(LoadWindows);

    /// <summary>A Windows id, the zone CLDR's windowsZones gives it for territory 001, and IANA's id for that zone today.</summary>
    public sealed record WindowsZone(string WindowsId, string CldrId, string IanaId);

    /// <summary>Every Windows id CLDR maps (territory 001).</summary>
    public static IReadOnlyList<WindowsZone> Windows => WindowsTable.Value;

    /// <summary>Every CLDR zone, each once.</summary>
    public static IEnumerable<CldrZone> All => ByAnyId.Value.Values.Distinct();

    /// <summary>The CLDR zone for an IANA id or one of its legacy aliases (ordinal, case-sensitive).</summary>
    public static CldrZone? Find(string id) => ByAnyId.Value.GetValueOrDefault(id);

    private static Dictionary<string, CldrZone> LoadZones()
    {
        var map = new Dictionary<string, CldrZone>(StringComparer.Ordinal);
        foreach (var f in TimeData.Rows("zones.tsv"))
        {
            var zone = new CldrZone(f[0], f[1].Length == 0 ? [] : f[1].Split(' '), Blank(f[2]), Blank(f[3]), f[4], f[5] == "golden");
            map[zone.Id] = zone;
            foreach (var alias in zone.Aliases)
            {
                map.TryAdd(alias, zone);
            }
        }
        return map;
    }

    private static IReadOnlyList<WindowsZone> LoadWindows() => TimeData.Rows("windows-zones.tsv").Select(f => new WindowsZone(f[0], f[1], f[2])).ToArray();

    private static string? Blank(string s) => s.Length == 0 ? null : s;
}
