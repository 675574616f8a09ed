using System.Globalization;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Time;

namespace Handoff.Places;

/// <summary>Reads the generated TSV (format: Data/SOURCES.md) and checks it as it goes: bad data fails loudly at load.</summary>
internal static class GazetteerReader
{
    private const string Format = "# handoff-gazetteer/2";
    private const string Columns = "kind\tcode\tname\tregion\tcountry\tlat\tlon\tzone\tpopulation\tnames\tshare";

    public static (string Header, List<GazetteerEntry> Entries) Read(TextReader reader)
    {
        var header = reader.ReadLine() ?? throw Invalid(1, "the file is empty");
        if (!header.StartsWith(Format + "\t", StringComparison.Ordinal))
        {
            throw Invalid(1, $"expected '{Format}'");
        }
        if (reader.ReadLine() != Columns)
        {
            throw Invalid(2, "unexpected columns");
        }
        var zones = new Dictionary<string, string>(StringComparer.Ordinal);
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        var entries = new List<GazetteerEntry>(200_000);
        var lineNumber = 2;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            entries.Add(ParseRow(line, lineNumber, zones, strings));
        }
        return (header, entries);
    }

    private static GazetteerEntry ParseRow(string line, int lineNumber, Dictionary<string, string> zones, Dictionary<string, string> strings)
    {
        Span<Range> fields = stackalloc Range[12];
        var span = line.AsSpan();
        if (span.Split(fields, '\t') != 11)
        {
            throw Invalid(lineNumber, "expected 11 fields");
        }
        var kind = span[fields[0]] switch
        {
            "Z" => GazetteerEntryKind.ZipCode,
            "F" => GazetteerEntryKind.PostalPrefix,
            "C" => GazetteerEntryKind.City,
            "R" => GazetteerEntryKind.Region,
            "N" => GazetteerEntryKind.Country,
            _ => throw Invalid(lineNumber, "unknown kind"),
        };
        var code = span[fields[1]];
        var name = span[fields[2]];
        if (name.IsEmpty || (kind == GazetteerEntryKind.City) != code.IsEmpty)
        {
            throw Invalid(lineNumber, "missing name or code");
        }
        var region = Intern(strings, span[fields[3]]);
        var country = Intern(strings, span[fields[4]]);
        if (country.Length != 2 || !char.IsAsciiLetterUpper(country[0]) || !char.IsAsciiLetterUpper(country[1]))
        {
            throw Invalid(lineNumber, $"invalid country '{country}'");
        }
        // US and Canadian rows use the codes people type (Regions); elsewhere GeoNames admin1 codes, which may be empty.
        var northAmerican = country is "US" or "CA" && kind != GazetteerEntryKind.Country;
        if (northAmerican && (!Regions.TryGetByCode(region, out var known) || known.Country != country))
        {
            throw Invalid(lineNumber, $"unknown region '{region}' for country '{country}'");
        }
        var lat = double.Parse(span[fields[5]], NumberStyles.Float, CultureInfo.InvariantCulture);
        var lon = double.Parse(span[fields[6]], NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!GeoPoint.IsValid(lat, lon))
        {
            throw Invalid(lineNumber, "invalid coordinates");
        }
        var zone = ZoneOf(zones, span[fields[7]].ToString(), country is "US" or "CA", lineNumber);
        var population = span[fields[8]].IsEmpty ? 0 : long.Parse(span[fields[8]], CultureInfo.InvariantCulture);
        var names = span[fields[9]].IsEmpty ? [] : span[fields[9]].ToString().Split('|');
        var share = span[fields[10]].IsEmpty ? 1000 : int.Parse(span[fields[10]], CultureInfo.InvariantCulture);
        if (share is < 0 or > 1000)
        {
            throw Invalid(lineNumber, "share out of range");
        }
        return new GazetteerEntry(kind, code.IsEmpty ? null : code.ToString(), name.ToString(), region, country,
            new GeoPoint(lat, lon), zone, (int)Math.Min(population, int.MaxValue))
        {
            Names = names,
            ZoneShare = share,
        };
    }

    /// <summary>
    /// US and Canadian zones are made canonical (NodaTime's tz release may be newer than the data's). Elsewhere a
    /// place keeps its own IANA id, checked to be one NodaTime knows: Amsterdam stays "Europe/Amsterdam" though the
    /// tz database links it to Brussels, because people know their own zone; the time layer resolves links.
    /// </summary>
    private static string ZoneOf(Dictionary<string, string> zones, string id, bool canonical, int lineNumber)
    {
        var key = canonical ? id : "=" + id;
        if (!zones.TryGetValue(key, out var known))
        {
            known = TimeZoneIds.TryResolve(id, out var zone) ? canonical ? zone.Id : id : throw Invalid(lineNumber, $"unknown zone '{id}'");
            zones[key] = known;
        }
        return known;
    }

    private static string Intern(Dictionary<string, string> strings, ReadOnlySpan<char> value)
    {
        var lookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(value, out var interned))
        {
            interned = value.ToString();
            strings[interned] = interned;
        }
        return interned;
    }

    private static InvalidDataException Invalid(int line, string problem) => new($"Gazetteer data, line {line}: {problem}.");
}
