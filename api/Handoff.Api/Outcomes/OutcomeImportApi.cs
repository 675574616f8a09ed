using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using FluentValidation;
using Handoff.Api.Infrastructure;
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
            
            // Not .Accepts(): routing would refuse other types with a 415 that cannot say what to send (ImportBody does).
            .WithMetadata(new ImportBodyMetadata()).Produces<OutcomeImportResult>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

    public static async Task<IResult> ImportAsync(
        HttpRequest request, HandoffDbContext db, OutcomeWriter writer, IValidator<ParsedOutcome> validator,
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
            var read = new FieldReader();
            var parsed = await item.ReadAsync(validator, read, ct);
            foreach (var (field, messages) in read.Errors)
            {
                errors.TryAdd($"outcomes[{i}].{field}", [Where(messages[0])]);
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
            if (read.Failed)
            {
                continue; // a row that failed validation cannot be applied; the rest are still checked to name every error
            }
            var applied = writer.Apply(handoff, outcomes.GetValueOrDefault(handoff.Id), parsed, caller, "import", $"outcomes[{i}]");
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

    private static readonly ImportFormat<OutcomeImportItem> Format = new(
        "outcomes", "{ \"key\": …, \"outcome\": …, … }", MaxRows, ["key", "outcome"], string.Join(",", Columns), ReadRow);

    private static OutcomeImportItem ReadRow(ImportCsvRow row)
    {
        decimal? amount = null;
        if (row.Cell("amount") is { } a)
        {
            if (decimal.TryParse(a, NumberStyles.Number, CultureInfo.InvariantCulture, out var n)) { amount = n; }
            else { row.Error("amount", $"'{a}' is not a number (use a dot for decimals, e.g. 12500.00)."); }
        }
        return new OutcomeImportItem(row.Cell("key"), row.Cell("outcome"), row.Cell("newStart"), row.Cell("newEnd"), row.Cell("canceledBy"), amount,
            row.Cell("currency"), row.Cell("note"));
    }
}
