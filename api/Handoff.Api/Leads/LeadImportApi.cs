using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using FluentValidation;
using Handoff.Api.Admin.Common;
using Handoff.Api.Auth;
using Handoff.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Handoff.Api.Leads;

/// <summary>Counts of what an import did. Unchanged leads are not written (their version stays).</summary>
public sealed record LeadImportResult(int Created, int Updated, int Unchanged);

/// <summary>A lead in an import: its e-mail and its context.</summary>
public sealed record LeadImportItem(
    string? Email, string? Source = null, string? Campaign = null, int? Score = null, string? LifecycleStage = null, string? CameInAt = null,
    string? Company = null, string? Place = null, string? Vertical = null, IReadOnlyList<LeadActivityDto>? Activities = null,
    IReadOnlyDictionary<string, string?>? CustomFields = null)
    : LeadRequest(Source, Campaign, Score, LifecycleStage, CameInAt, Company, Place, Vertical, Activities, CustomFields);

/// <summary>
/// POST /api/v1/leads/import: CSV (text/csv) or JSON (a list), all or nothing like the territory import: every row is
/// validated first, errors are keyed "leads[i].field" (CSV messages name the line), and one save writes them all.
/// </summary>
public static class LeadImportApi
{
    public const int MaxRows = 5000;

    /// <summary>CSV columns; any other column "custom.NAME" becomes a custom field; "activities" holds the JSON list.</summary>
    public static readonly string[] Columns = ["email", "source", "campaign", "score", "lifecycleStage", "cameInAt", "company", "place", "vertical", "activities"];

    public static void MapLeadImport(this RouteGroupBuilder leads) =>
        leads.MapPost("/import", ImportAsync).RequireAuthorization(Policies.LeadWriter).WithName("ImportLeads")
            .WithSummary($"Import leads from CSV (text/csv) or JSON (a list); all or nothing, at most {MaxRows} rows; rows match on e-mail")
            .Accepts<LeadImportItem[]>("application/json", "text/csv").ProducesValidationProblem();

    public static async Task<IResult> ImportAsync(
        HttpRequest request, HandoffDbContext db, AdminWrites writes, IValidator<LeadRequest> validator,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, ClaimsPrincipal user, CancellationToken ct)
    {
        var (rows, errors) = await ReadAsync(request, json.Value.SerializerOptions, ct);
        if (rows is null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var seen = new Dictionary<string, int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var (item, line) = rows[i];
            string Where(string message) => line is { } l ? $"CSV line {l}: {message}" : message;
            if (item.Email is null || LeadEmail.Check(item.Email) is not null)
            {
                errors[$"leads[{i}].email"] = [Where($"'{item.Email}' is not a valid e-mail address.")];
            }
            else if (!seen.TryAdd(LeadEntity.KeyOf(item.Email), i))
            {
                errors[$"leads[{i}].email"] = [Where($"{item.Email} appears twice in the file (also leads[{seen[LeadEntity.KeyOf(item.Email)]}]).")];
            }
            foreach (var failure in (await validator.ValidateAsync(item, ct)).Errors)
            {
                errors.TryAdd($"leads[{i}].{failure.PropertyName}", [Where(failure.ErrorMessage)]);
            }
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var keys = seen.Keys.ToArray();
        var existing = await db.Leads.Where(l => keys.Contains(l.EmailKey)).ToDictionaryAsync(l => l.EmailKey, ct);
        var actor = Actor.From(user);
        int created = 0, updated = 0, unchanged = 0;
        foreach (var (item, _) in rows)
        {
            var lead = existing.GetValueOrDefault(LeadEntity.KeyOf(item.Email!));
            var version = lead?.Version;
            if (LeadWriter.Apply(db, writes, actor, ref lead, item.Email!, item.ToData(), "import"))
            {
                created++;
            }
            else if (lead.Version != version)
            {
                updated++;
            }
            else
            {
                unchanged++;
            }
        }
        return await LeadWriter.SaveAsync(db, ct) is { } failed ? failed : TypedResults.Ok(new LeadImportResult(created, updated, unchanged));
    }

    private static async Task<(List<(LeadImportItem Item, int? Line)>? Rows, Dictionary<string, string[]> Errors)> ReadAsync(
        HttpRequest request, JsonSerializerOptions options, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(ct);
        List<(LeadImportItem, int?)>? rows;
        var errors = new Dictionary<string, string[]>();
        if (request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true)
        {
            rows = ParseCsv(body, options, errors);
        }
        else if (request.HasJsonContentType())
        {
            try
            {
                rows = (JsonSerializer.Deserialize<List<LeadImportItem>>(body, options) ?? []).Select(i => (i, (int?)null)).ToList();
            }
            catch (JsonException e)
            {
                var path = e.Path is { Length: > 1 } p ? "leads" + p[1..] : "body";
                errors[path] = ["The body is not a JSON list of leads ({ \"email\": …, \"source\": …, … })."];
                return (null, errors);
            }
        }
        else
        {
            errors["body"] = ["Send Content-Type text/csv or application/json."];
            return (null, errors);
        }
        if (rows is not null && rows.Count > MaxRows)
        {
            errors["body"] = [$"At most {MaxRows} leads per import (this one has {rows.Count}): split the file."];
        }
        return (errors.Count == 0 ? rows : null, errors);
    }

    private static List<(LeadImportItem, int?)>? ParseCsv(string content, JsonSerializerOptions options, Dictionary<string, string[]> errors)
    {
        var rows = new List<(LeadImportItem, int?)>();
        using var csv = new CsvReader(new StringReader(content), new CsvConfiguration(CultureInfo.InvariantCulture) { MissingFieldFound = null, BadDataFound = null });
        if (!csv.Read() || !csv.ReadHeader() || !csv.HeaderRecord!.Contains("email"))
        {
            errors["body"] = [$"The CSV needs a header row with at least 'email'; the columns are: {string.Join(",", Columns)}, and custom.NAME for custom fields."];
            return null;
        }
        var header = csv.HeaderRecord!;
        while (csv.Read())
        {
            var i = rows.Count;
            var line = csv.Parser.Row;
            string? Cell(string column) => header.Contains(column) && csv.GetField(column) is { Length: > 0 } v ? v : null;
            int? score = null;
            if (Cell("score") is { } s)
            {
                if (int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) { score = n; }
                else { errors[$"leads[{i}].score"] = [$"CSV line {line}: '{s}' is not a whole number."]; }
            }
            IReadOnlyList<LeadActivityDto>? activities = null;
            if (Cell("activities") is { } a)
            {
                try { activities = JsonSerializer.Deserialize<List<LeadActivityDto>>(a, options); }
                catch (JsonException) { errors[$"leads[{i}].activities"] = [$"CSV line {line}: 'activities' is a JSON list of {{ \"at\", \"kind\", \"title\", \"url\" }}."]; }
            }
            var custom = header.Where(h => h.StartsWith("custom.", StringComparison.Ordinal) && Cell(h) is not null)
                .ToDictionary(h => h["custom.".Length..], h => Cell(h));
            rows.Add((new LeadImportItem(Cell("email"), Cell("source"), Cell("campaign"), score, Cell("lifecycleStage"), Cell("cameInAt"),
                Cell("company"), Cell("place"), Cell("vertical"), activities, custom.Count == 0 ? null : custom), line));
        }
        return rows;
    }
}
