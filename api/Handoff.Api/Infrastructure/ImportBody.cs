using System.Globalization;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace Handoff.Api.Infrastructure;

/// <summary>
/// What an all-or-nothing import (leads, outcomes) reads from its body: which list it is ("leads"), what a JSON item
/// looks like for the error message, the row limit, the CSV columns it needs and knows, and how a CSV row becomes an item.
/// </summary>
public sealed record ImportFormat<T>(
    string Collection, string JsonShape, int MaxRows, string[] RequiredColumns, string ColumnsHint, Func<ImportCsvRow, T> ReadRow);

/// <summary>One CSV row while it is read: its cells by column name, and a way to name a bad cell with its line.</summary>
public sealed class ImportCsvRow(
    CsvReader csv, string[] header, string collection, int index, Dictionary<string, string[]> errors, JsonSerializerOptions json)
{
    /// <summary>The API's JSON options, for a cell that holds JSON (a lead's activities).</summary>
    public JsonSerializerOptions Json => json;

    public int Index => index;

    public int Line => csv.Parser.Row;

    public IReadOnlyList<string> Header => header;

    /// <summary>The cell under <paramref name="column"/>, or null when the column is absent or the cell empty.</summary>
    public string? Cell(string column) => header.Contains(column) && csv.GetField(column) is { Length: > 0 } v ? v : null;

    /// <summary>Records an error for this row's field, keyed like a JSON import's ("leads[3].score").</summary>
    public void Error(string field, string message) => errors[$"{collection}[{index}].{field}"] = [$"CSV line {Line}: {message}"];
}

/// <summary>Marks an import that reads its body by hand; the OpenAPI document gets its CSV and JSON bodies from OpenApiCsvBodies.</summary>
public sealed class ImportBodyMetadata;

/// <summary>
/// Reads an import's body as CSV (text/csv) or a JSON list into items with their CSV line numbers. A body in another
/// content type is a 415 listing the accepted ones (as the territory import answers); a body that cannot be read, or
/// one over the row limit, gives field errors for a 400. One reader so the imports cannot drift apart.
/// </summary>
public static class ImportBody
{
    public const string Csv = "text/csv";

    public sealed record Read<T>(List<(T Item, int? Line)>? Rows, Dictionary<string, string[]> Errors, IResult? Refusal);

    public static async Task<Read<T>> ReadAsync<T>(HttpRequest request, JsonSerializerOptions options, ImportFormat<T> format, CancellationToken ct)
    {
        var isCsv = request.ContentType?.StartsWith(Csv, StringComparison.OrdinalIgnoreCase) == true;
        if (!isCsv && !request.HasJsonContentType())
        {
            return new Read<T>(null, [], UnsupportedMediaType.Problem(request, Csv, "application/json"));
        }
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(ct);
        var errors = new Dictionary<string, string[]>();
        List<(T, int?)>? rows;
        if (isCsv)
        {
            rows = ParseCsv(body, format, errors, options);
        }
        else
        {
            try
            {
                rows = (JsonSerializer.Deserialize<List<T>>(body, options) ?? []).Select(i => (i, (int?)null)).ToList();
            }
            catch (JsonException e)
            {
                var path = e.Path is { Length: > 1 } p ? format.Collection + p[1..] : "body";
                errors[path] = [$"The body is not a JSON list of {format.Collection} ({format.JsonShape})."];
                return new Read<T>(null, errors, null);
            }
        }
        if (rows is not null && rows.Count > format.MaxRows)
        {
            errors["body"] = [$"At most {format.MaxRows} {format.Collection} per import (this one has {rows.Count}): split the file."];
        }
        return new Read<T>(errors.Count == 0 ? rows : null, errors, null);
    }

    private static List<(T, int?)>? ParseCsv<T>(string content, ImportFormat<T> format, Dictionary<string, string[]> errors, JsonSerializerOptions options)
    {
        var rows = new List<(T, int?)>();
        using var csv = new CsvReader(new StringReader(content), new CsvConfiguration(CultureInfo.InvariantCulture) { MissingFieldFound = null, BadDataFound = null });
        if (!csv.Read() || !csv.ReadHeader() || format.RequiredColumns.Any(c => !csv.HeaderRecord!.Contains(c)))
        {
            var needed = string.Join(" and ", format.RequiredColumns.Select(c => $"'{c}'"));
            errors["body"] = [$"The CSV needs a header row with at least {needed}; the columns are: {format.ColumnsHint}."];
            return null;
        }
        var header = csv.HeaderRecord!;
        while (csv.Read())
        {
            var row = new ImportCsvRow(csv, header, format.Collection, rows.Count, errors, options);
            rows.Add((format.ReadRow(row), row.Line));
        }
        return rows;
    }
}
