using System.Security.Claims;
using System.Text.Json;
using FluentValidation;
using Handoff.Api.Admin.Common;
using Handoff.Api.Infrastructure;
using Handoff.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Handoff.Api.Admin.Territories;

/// <summary>Counts of what an import did. Unchanged rows are not written (their version stays).</summary>
/// <param name="Overlaps">Where the created or updated territories overlap others, and who gets the shared places.</param>
public sealed record ImportResult(int Created, int Updated, int Unchanged, int Deleted, IReadOnlyList<TerritoryOverlapDto>? Overlaps = null);

/// <summary>Bulk import and export of territories, as CSV (text/csv) or JSON (the list of GET bodies).</summary>
public static class TerritoryTransferApi
{
    public static void MapTerritoryTransfer(this RouteGroupBuilder territories)
    {
        territories.MapGet("/export", ExportAsync).WithName("ExportTerritories")
            .WithSummary("Export every territory as CSV (?format=csv or Accept: text/csv) or JSON")
            .Produces<TerritoryResponse[]>(contentType: "application/json").Produces<string>(contentType: TerritoryCsv.ContentType);
        territories.MapPost("/import", ImportAsync).WithName("ImportTerritories")
            .WithSummary("Import territories from CSV (text/csv) or JSON; rows match on id, then name. mode=replace also deletes territories missing from the file")
            // Not .Accepts(): routing would refuse other types with a 415 that cannot say what to send. The handler
            // says it; the OpenAPI document gets the request body from TerritoryImportDoc.
            .WithMetadata(new ImportBodyMetadata())
            .Produces<ImportResult>();
    }

    public static async Task<IResult> ExportAsync(HandoffDbContext db, HttpContext http, string? format, CancellationToken ct)
    {
        var all = await db.Territories.AsNoTracking().WithAssignments().AsSplitQuery().OrderBy(t => t.NameKey).ToListAsync(ct);
        var items = all.Select(TerritoryResponse.From).ToArray();
        var csv = format is not null
            ? string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
            : http.Request.Headers.Accept.ToString().Contains(TerritoryCsv.ContentType, StringComparison.OrdinalIgnoreCase);
        if (format is not null && !csv && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return AdminProblems.Invalid("format", "'format' is csv or json.");
        }
        return csv
            ? TypedResults.Text(TerritoryCsv.Write(items), "text/csv; charset=utf-8")
            : TypedResults.Ok(items);
    }

    public static async Task<IResult> ImportAsync(
        HttpRequest request, string? mode, HandoffDbContext db, AdminWrites writes, IValidator<ParsedTerritory> validator,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, TerritoryOverlapReport overlaps, IReferenceRules<ParsedTerritory> references, ClaimsPrincipal user, CancellationToken ct)
    {
        var replace = string.Equals(mode, "replace", StringComparison.OrdinalIgnoreCase);
        if (mode is not null && !replace && !string.Equals(mode, "upsert", StringComparison.OrdinalIgnoreCase))
        {
            return AdminProblems.Invalid("mode", "'mode' is upsert (the default: add and update) or replace (also delete territories missing from the file).");
        }
        if (!IsCsv(request) && !request.HasJsonContentType())
        {
            return UnsupportedMediaType.Problem(request, TerritoryCsv.ContentType, "application/json");
        }
        var (rows, errors) = await ReadAsync(request, json.Value.SerializerOptions, ct);
        if (rows is null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        // Each row read once (zones), validated, then checked for references: the importer writes what was read here.
        var parsed = new ParsedTerritory[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var read = new FieldReader();
            parsed[i] = await rows[i].Territory.ReadAsync(validator, read, ct);
            var row = read.Errors.ToDictionary(e => $"territories[{i}].{e.Key}", e => e.Value[..1]);
            await references.CheckAsync(parsed[i], $"territories[{i}].", row, ct); // unknown RSMs in the same pass
            foreach (var (key, messages) in row)
            {
                errors.TryAdd(key, [rows[i].Line is { } line ? $"CSV line {line}: {messages[0]}" : messages[0]]);
            }
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return await TerritoryImporter.ApplyAsync(rows, parsed, replace, db, writes, overlaps, Actor.From(user), ct);
    }

    private static async Task<(List<TerritoryImportRow>? Rows, Dictionary<string, string[]> Errors)> ReadAsync(
        HttpRequest request, JsonSerializerOptions options, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(ct);
        if (IsCsv(request))
        {
            var (rows, errors) = TerritoryCsv.Parse(body);
            return (errors.Count == 0 ? rows : null, errors);
        }
        if (request.HasJsonContentType())
        {
            try
            {
                var items = JsonSerializer.Deserialize<List<JsonTerritory>>(body, options) ?? [];
                return (items.Select(t => new TerritoryImportRow(t.Id, t.Version,
                    new TerritoryRequest(t.Name, t.Rules, t.Assignments, t.Verticals, t.DefaultProspectTimeZone, t.Routing))).ToList(), []);
            }
            catch (JsonException e)
            {
                var path = e.Path is { Length: > 1 } p ? "territories" + p[1..] : "body";
                return (null, new() { [path] = ["The body is not a JSON list of territories as the export gives them."] });
            }
        }
        return (null, new() { ["body"] = ["Send Content-Type text/csv or application/json."] });
    }

    private static bool IsCsv(HttpRequest request) =>
        request.ContentType?.StartsWith(TerritoryCsv.ContentType, StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>A territory in a JSON import: the export's shape (extra fields such as createdAt are ignored).</summary>
    private sealed record JsonTerritory(
        Guid? Id, int? Version, string? Name, TerritoryRulesDto? Rules, IReadOnlyList<AssignmentDto>? Assignments,
        IReadOnlyList<string>? Verticals, string? DefaultProspectTimeZone, RoutingDto? Routing);
}
