using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using FluentValidation;
using Handoff.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Handoff.Api.Outcomes;

/// <summary>An outcome in an import: the handoff key and the outcome.</summary>
public sealed record OutcomeImportItem(
    string? Key, string? Outcome, string? NewStart = null, string? NewEnd = null, string? CanceledBy = null, decimal? Amount = null,
    string? Currency = null, string? Note = null)
    : OutcomeRequest(Outcome, NewStart, NewEnd, CanceledBy, Amount, Currency, Note);

/// <summary>Counts of what an import did; unchanged outcomes are not written.</summary>
public sealed record OutcomeImportResult(int Created, int Updated, int Unchanged);

/// <summary>
/// POST /api/v1/outcomes/import: CSV (text/csv) or JSON (a list), all or nothing like the lead and territory imports:
/// every row is checked first (errors keyed "outcomes[i].field", CSV messages name the line), then one save writes them.
/// A CRM sync (integration role) or an admin may import any handoff's outcome; an SDR or RSM only their own.
/// </summary>
public static class OutcomeImportApi
{
    public const int MaxRows = 5000;

    public static readonly string[] Columns = ["key", "outcome", "newStart", "newEnd", "canceledBy", "amount", "currency", "note"];

    public static RouteHandlerBuilder MapOutcomeImport(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v1/outcomes/import", ImportAsync).WithTags("Outcomes").RequireAuthorization(OutcomePolicies.Writer)
            .WithName("ImportOutcomes")
            .WithSummary($"Import outcomes from CSV (text/csv) or JSON (a list); all or nothing, at most {MaxRows} rows; rows match on handoff key")
            .Accepts<OutcomeImportItem[]>("application/json", "text/csv").Produces<OutcomeImportResult>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

    public static async Task<IResult> ImportAsync(
        HttpRequest request, HandoffDbContext db, OutcomeWriter writer, IValidator<OutcomeRequest> validator,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, ClaimsPrincipal user, CancellationToken ct)
    {
        var (rows, errors) = await ReadAsync(request, json.Value.SerializerOptions, ct);
        if (rows is null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var caller = OutcomeCaller.From(user);
        var keys = rows.Select(r => r.Item.Key).OfType<string>().Distinct().ToArray();
        var handoffs = await caller.Visible(db.Handoffs.AsNoTracking()).Where(h => keys.Contains(h.Key)).ToDictionaryAsync(h => h.Key, ct);
        var ids = handoffs.Values.Select(h => h.Id).ToArray();
        var outcomes = await db.HandoffOutcomes.Where(o => ids.Contains(o.HandoffId)).ToDictionaryAsync(o => o.HandoffId, ct);
        var seen = new Dictionary<string, int>();
        int created = 0, updated = 0, unchanged = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var (item, line) = rows[i];
            string Where(string message) => line is { } l ? $"CSV line {l}: {message}" : message;
            var failures = (await validator.ValidateAsync(item, ct)).Errors;
            foreach (var failure in failures)
            {
                errors.TryAdd($"outcomes[{i}].{failure.PropertyName}", [Where(failure.ErrorMessage)]);
            }
            if (item.Key is null || !handoffs.TryGetValue(item.Key, out var handoff))
            {
                errors[$"outcomes[{i}].key"] = [Where($"No handoff you can see has the key '{item.Key}'.")];
                continue;
            }
            if (!seen.TryAdd(item.Key, i))
            {
                errors[$"outcomes[{i}].key"] = [Where($"{item.Key} appears twice in the file (also outcomes[{seen[item.Key]}]).")];
                continue;
            }
            if (failures.Count > 0)
            {
                continue; // a row that failed validation cannot be applied; the rest are still checked to name every error
            }
            var applied = writer.Apply(handoff, outcomes.GetValueOrDefault(handoff.Id), item, caller, "import", $"outcomes[{i}]");
            if (applied.Error is { } error)
            {
                errors[applied.Field!] = [Where(error)];
            }
            else if (applied.Created) { created++; }
            else if (applied.Changed) { updated++; }
            else { unchanged++; }
        }
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return TypedResults.ValidationProblem(errors);
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new OutcomeImportResult(created, updated, unchanged));
    }

    private static async Task<(List<(OutcomeImportItem Item, int? Line)>? Rows, Dictionary<string, string[]> Errors)> ReadAsync(
        HttpRequest request, JsonSerializerOptions options, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(ct);
        var errors = new Dictionary<string, string[]>();
        List<(OutcomeImportItem, int?)>? rows;
        if (request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true)
        {
            rows = ParseCsv(body, errors);
        }
        else if (request.HasJsonContentType())
        {
            try
            {
                rows = (JsonSerializer.Deserialize<List<OutcomeImportItem>>(body, options) ?? []).Select(i => (i, (int?)null)).ToList();
            }
            catch (JsonException e)
            {
                var path = e.Path is { Length: > 1 } p ? "outcomes" + p[1..] : "body";
                errors[path] = ["The body is not a JSON list of outcomes ({ \"key\": …, \"outcome\": …, … })."];
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
            errors["body"] = [$"At most {MaxRows} outcomes per import (this one has {rows.Count}): split the file."];
        }
        return (errors.Count == 0 ? rows : null, errors);
    }

    private static List<(OutcomeImportItem, int?)>? ParseCsv(string content, Dictionary<string, string[]> errors)
    {
        var rows = new List<(OutcomeImportItem, int?)>();
        using var csv = new CsvReader(new StringReader(content), new CsvConfiguration(CultureInfo.InvariantCulture) { MissingFieldFound = null, BadDataFound = null });
        if (!csv.Read() || !csv.ReadHeader() || !csv.HeaderRecord!.Contains("key") || !csv.HeaderRecord!.Contains("outcome"))
        {
            errors["body"] = [$"The CSV needs a header row with at least 'key' and 'outcome'; the columns are: {string.Join(",", Columns)}."];
            return null;
        }
        var header = csv.HeaderRecord!;
        while (csv.Read())
        {
            var i = rows.Count;
            var line = csv.Parser.Row;
            string? Cell(string column) => header.Contains(column) && csv.GetField(column) is { Length: > 0 } v ? v : null;
            decimal? amount = null;
            if (Cell("amount") is { } a)
            {
                if (decimal.TryParse(a, NumberStyles.Number, CultureInfo.InvariantCulture, out var n)) { amount = n; }
                else { errors[$"outcomes[{i}].amount"] = [$"CSV line {line}: '{a}' is not a number (use a dot for decimals, e.g. 12500.00)."]; }
            }
            rows.Add((new OutcomeImportItem(Cell("key"), Cell("outcome"), Cell("newStart"), Cell("newEnd"), Cell("canceledBy"), amount,
                Cell("currency"), Cell("note")), line));
        }
        return errors.Count == 0 ? rows : null;
    }
}
