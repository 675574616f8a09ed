using System.Globalization;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Time;

namespace Handoff.Places;

/// <summary>Reads the generated TSV (format: Data/SOURCES.md) and checks it as it goes: bad data fails loudly at load.</summary>
internal static class GazetteerReader
{
    private const string Format = "# handoff-gazetteer/1";
    private const string Columns = "kind\tcode\tname\tregion\tcountry\tlat\tlon\tzone\tpopulation";

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
        var entries = new List<GazetteerEntry>(80_000);
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
        Span<Range> fields = stackalloc Range[10];
        var span = line.AsSpan();
        if (span.Split(fields, '\t') != 9)
        {
            throw Invalid(lineNumber, "expected 9 fields");
        }
        var kind = span[fields[0]] switch
        {
            "Z" => GazetteerEntryKind.ZipCode,
            "F" => GazetteerEntryKind.PostalPrefix,
            "C" => GazetteerEntryKind.City,
            _ => throw Invalid(lineNumber, "unknown kind"),
        };
        var code = span[fields[1]];
        var name = span[fields[2]];
        if (name.IsEmpty || (kind == GazetteerEntryKind.City) != code.IsEmpty)
        {
            throw Invalid(lineNumber, "missing name or code");
        }
        var region = Intern(strings, span[fields[3]]);
        if (!Regions.TryGetByCode(region, out var known) || !span[fields[4]].SequenceEqual(known.Country))
        {
            throw Invalid(lineNumber, $"unknown region '{region}' for country '{span[fields[4]]}'");
        }
        var lat = double.Parse(span[fields[5]], NumberStyles.Float, CultureInfo.InvariantCulture);
        var lon = double.Parse(span[fields[6]], NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!GeoPoint.IsValid(lat, lon))
        {
            throw Invalid(lineNumber, "invalid coordinates");
        }
        var zone = CanonicalZone(zones, span[fields[7]].ToString(), lineNumber);
        var population = kind == GazetteerEntryKind.City ? int.Parse(span[fields[8]], CultureInfo.InvariantCulture) : 0;
        return new GazetteerEntry(kind, code.IsEmpty ? null : code.ToString(), name.ToString(), region, known.Country,
            new GeoPoint(lat, lon), zone, population);
    }

    /// <summary>The data's zones are canonical for the tz release it was built with; NodaTime's may be newer, so map again.</summary>
    private static string CanonicalZone(Dictionary<string, string> zones, string id, int lineNumber)
    {
        if (!zones.TryGetValue(id, out var canonical))
        {
            canonical = TimeZoneIds.TryResolve(id, out var zone) ? zone.Id : throw Invalid(lineNumber, $"unknown zone '{id}'");
            zones[id] = canonical;
        }
        return canonical;
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
