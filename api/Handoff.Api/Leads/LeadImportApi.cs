using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using FluentValidation;
using Handoff.Api.Admin.Common;
using Handoff.Api.Auth;
using Handoff.Api.Infrastructure;
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
            
            // Not .Accepts(): routing would refuse other types with a 415 that cannot say what to send (ImportBody does).
            .WithMetadata(new ImportBodyMetadata()).Produces<LeadImportResult>().ProducesValidationProblem();

    public static async Task<IResult> ImportAsync(
        HttpRequest request, HandoffDbContext db, AdminWrites writes, IValidator<ParsedLead> validator,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, ClaimsPrincipal user, CancellationToken ct)
    {
        var (rows, errors, refusal) = await ImportBody.ReadAsync(request, json.Value.SerializerOptions, Format, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        if (rows is null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var seen = new Dictionary<string, int>();
        var parsed = new ParsedLead[rows.Count];
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
            var read = new FieldReader();
            parsed[i] = await item.ReadAsync(validator, read, ct);
            foreach (var (field, messages) in read.Errors)
            {
                errors.TryAdd($"leads[{i}].{field}", [Where(messages[0])]);
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
        foreach (var ((item, _), data) in rows.Zip(parsed.Select(p => p.ToData())))
        {
            var lead = existing.GetValueOrDefault(LeadEntity.KeyOf(item.Email!));
            var version = lead?.Version;
            if (LeadWriter.Apply(db, writes, actor, ref lead, item.Email!, data, "import"))
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

    private static readonly ImportFormat<LeadImportItem> Format = new(
        "leads", "{ \"email\": …, \"source\": …, … }", MaxRows, ["email"], $"{string.Join(",", Columns)}, and custom.NAME for custom fields",
        ReadRow);

    private static LeadImportItem ReadRow(ImportCsvRow row)
    {
        int? score = null;
        if (row.Cell("score") is { } s)
        {
            if (int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) { score = n; }
            else { row.Error("score", $"'{s}' is not a whole number."); }
        }
        IReadOnlyList<LeadActivityDto>? activities = null;
        if (row.Cell("activities") is { } a)
        {
            try { activities = JsonSerializer.Deserialize<List<LeadActivityDto>>(a, row.Json); }
            catch (JsonException) { row.Error("activities", "'activities' is a JSON list of { \"at\", \"kind\", \"title\", \"url\" }."); }
        }
        var custom = row.Header.Where(h => h.StartsWith("custom.", StringComparison.Ordinal) && row.Cell(h) is not null)
            .ToDictionary(h => h["custom.".Length..], h => row.Cell(h));
        return new LeadImportItem(row.Cell("email"), row.Cell("source"), row.Cell("campaign"), score, row.Cell("lifecycleStage"), row.Cell("cameInAt"),
            row.Cell("company"), row.Cell("place"), row.Cell("vertical"), activities, custom.Count == 0 ? null : custom);
    }
}
