using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Handoff.Api.Admin.Common;

namespace Handoff.Api.Admin.Territories;

/// <summary>A territory as a CSV or JSON import row: the request, plus the id and version an export carries.</summary>
public sealed record TerritoryImportRow(Guid? Id, int? Version, TerritoryRequest Territory, int? Line = null);

/// <summary>
/// One row per territory, lists in one cell separated by ';' (a literal ';' or '\' in a value is escaped with '\').
/// Radii are "latitude,longitude,km[,label]"; assignments "e-mail:priority[:weight]" (weight written when not 1);
/// mode, period and creditBack are the routing settings (empty: the default). Written canonically, so an export
/// imported and exported again gives the same bytes. Cells a spreadsheet would run as a formula are written with
/// a leading apostrophe (<see cref="SpreadsheetSafe"/>) and read back without it.
/// </summary>
public static class TerritoryCsv
{
    public const string ContentType = "text/csv";

    public static readonly string[] Columns =
        ["id", "version", "name", "countries", "regions", "postalPrefixes", "radii", "assignments", "verticals", "defaultProspectTimeZone", "mode", "period", "creditBack"];

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Write(IEnumerable<TerritoryResponse> territories)
    {
        using var text = new StringWriter(Inv) { NewLine = "\r\n" };
        using var csv = new CsvWriter(text, new CsvConfiguration(Inv) { NewLine = "\r\n" });
        foreach (var column in Columns)
        {
            csv.WriteField(column);
        }
        csv.NextRecord();
        foreach (var t in territories)
        {
            csv.WriteField(t.Id.ToString());
            csv.WriteField(t.Version.ToString(Inv));
            csv.WriteField(SpreadsheetSafe.Write(t.Name));
            csv.WriteField(SpreadsheetSafe.Write(Join(t.Rules.Countries)));
            csv.WriteField(SpreadsheetSafe.Write(Join(t.Rules.Regions)));
            csv.WriteField(SpreadsheetSafe.Write(Join(t.Rules.PostalPrefixes)));
            csv.WriteField(SpreadsheetSafe.Write(Join(t.Rules.Radii?.Select(r => FormattableString.Invariant($"{r.Center!.Latitude},{r.Center.Longitude},{r.RadiusKm},{r.Center.Text}")))));
            csv.WriteField(SpreadsheetSafe.Write(Join(t.Assignments.Select(a =>
                a.Weight is { } w && w != 1 ? FormattableString.Invariant($"{a.RsmEmail}:{a.Priority}:{w}") : FormattableString.Invariant($"{a.RsmEmail}:{a.Priority}")))));
            csv.WriteField(SpreadsheetSafe.Write(Join(t.Verticals)));
            csv.WriteField(SpreadsheetSafe.Write(t.DefaultProspectTimeZone ?? ""));
            csv.WriteField(t.Routing.Mode);
            csv.WriteField(t.Routing.Period);
            csv.WriteField(t.Routing.CreditBack == false ? "false" : "true");
            csv.NextRecord();
        }
        csv.Flush();
        return text.ToString();
    }

    /// <summary>Rows, or errors keyed "territories[i].field" whose messages name the CSV line.</summary>
    public static (List<TerritoryImportRow> Rows, Dictionary<string, string[]> Errors) Parse(string content)
    {
        var rows = new List<TerritoryImportRow>();
        var errors = new Dictionary<string, string[]>();
        using var csv = new CsvReader(new StringReader(content), new CsvConfiguration(Inv) { MissingFieldFound = null, BadDataFound = null });
        if (!csv.Read() || !csv.ReadHeader() || !csv.HeaderRecord!.Contains("name"))
        {
            errors["body"] = [$"The CSV needs a header row with at least 'name'; the columns are: {string.Join(",", Columns)}."];
            return (rows, errors);
        }
        while (csv.Read())
        {
            var i = rows.Count;
            var line = csv.Parser.Row;
            string Cell(string column) => csv.HeaderRecord.Contains(column) ? SpreadsheetSafe.Read(csv.GetField(column) ?? "") : "";
            void Fail(string field, string message) => errors[$"territories[{i}].{field}"] = [$"CSV line {line}: {message}"];

            Guid? id = null;
            if (Cell("id") is { Length: > 0 } idText)
            {
                if (Guid.TryParse(idText, out var g)) { id = g; } else { Fail("id", $"'{idText}' is not an id."); }
            }
            int? version = null;
            if (Cell("version") is { Length: > 0 } vText)
            {
                if (int.TryParse(vText, NumberStyles.None, Inv, out var v)) { version = v; } else { Fail("version", $"'{vText}' is not a version number."); }
            }
            var radii = Split(Cell("radii")).Select((r, j) => ParseRadius(r, j, Fail)).ToArray();
            var assignments = Split(Cell("assignments")).Select((a, j) => ParseAssignment(a, j, Fail)).ToArray();
            var rules = new TerritoryRulesDto(Split(Cell("countries")), Split(Cell("regions")), Split(Cell("postalPrefixes")), radii);
            var zone = Cell("defaultProspectTimeZone");
            bool? creditBack = null;
            if (Cell("creditBack") is { Length: > 0 } cbText)
            {
                if (bool.TryParse(cbText.Trim(), out var cb)) { creditBack = cb; } else { Fail("routing.creditBack", $"'{cbText}' is not true or false."); }
            }
            var routing = new RoutingDto(Nullable(Cell("mode")), Nullable(Cell("period")), creditBack);
            rows.Add(new TerritoryImportRow(id, version,
                new TerritoryRequest(Cell("name"), rules, assignments, Split(Cell("verticals")), zone.Length == 0 ? null : zone, routing), line));
        }
        return (rows, errors);
    }

    private static RadiusDto ParseRadius(string text, int j, Action<string, string> fail)
    {
        var parts = text.Split(',', 4);
        if (parts.Length >= 3 && double.TryParse(parts[0], NumberStyles.Float, Inv, out var lat) &&
            double.TryParse(parts[1], NumberStyles.Float, Inv, out var lon) && double.TryParse(parts[2], NumberStyles.Float, Inv, out var km))
        {
            return new RadiusDto(new PlaceDto(parts.Length == 4 && parts[3].Length > 0 ? parts[3] : null, lat, lon), km);
        }
        fail($"rules.radii[{j}]", $"'{text}' is not a radius such as 36.7378,-119.7871,50,Fresno CA (latitude, longitude, km, optional label).");
        return new RadiusDto(null, null);
    }

    private static string? Nullable(string cell) => cell.Trim() is { Length: > 0 } text ? text : null;

    private static AssignmentDto ParseAssignment(string text, int j, Action<string, string> fail)
    {
        var parts = text.Split(':');
        if (parts.Length == 1)
        {
            return new AssignmentDto(text.Trim());
        }
        if (parts.Length <= 3 && int.TryParse(parts[1], NumberStyles.None, Inv, out var priority))
        {
            if (parts.Length == 2)
            {
                return new AssignmentDto(parts[0].Trim(), priority);
            }
            if (double.TryParse(parts[2], NumberStyles.Float, Inv, out var weight) && double.IsFinite(weight))
            {
                return new AssignmentDto(parts[0].Trim(), priority, Weight: weight);
            }
        }
        fail($"assignments[{j}]", $"'{text}' is not an assignment such as rsm@example.com:1 or rsm@example.com:1:2 (e-mail, priority, optional weight).");
        return new AssignmentDto(parts[0].Trim());
    }

    public static string Join(IEnumerable<string>? items) =>
        string.Join(';', (items ?? []).Select(i => i.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)));

    public static IReadOnlyList<string> Split(string cell)
    {
        var items = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < cell.Length; i++)
        {
            if (cell[i] == '\\' && i + 1 < cell.Length) { current.Append(cell[++i]); }
            else if (cell[i] == ';') { items.Add(current.ToString().Trim()); current.Clear(); }
            else { current.Append(cell[i]); }
        }
        if (current.Length > 0 || items.Count > 0)
        {
            items.Add(current.ToString().Trim());
        }
        return items.Where(s => s.Length > 0).ToArray();
    }
}
