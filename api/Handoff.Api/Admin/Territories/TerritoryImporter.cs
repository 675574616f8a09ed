using Handoff.Api.Admin.Common;
using Handoff.Storage;
using Microsoft.EntityFrameworkCore;

namespace Handoff.Api.Admin.Territories;

/// <summary>
/// Applies validated import rows in one save: all or nothing. A row matches an existing territory by id, else by
/// name; a row that carries a version must match the stored one (412 otherwise, nothing written).
/// </summary>
public static class TerritoryImporter
{
    /// <param name="parsed">Each row as the import read and validated it (zones read once), in the rows' order: what is written.</param>
    public static async Task<IResult> ApplyAsync(
        IReadOnlyList<TerritoryImportRow> rows, IReadOnlyList<ParsedTerritory> parsed, bool replace, HandoffDbContext db, AdminWrites writes, TerritoryOverlapReport overlaps, Actor actor, CancellationToken ct)
    {
        var existing = await db.Territories.WithAssignments().AsSplitQuery().ToListAsync(ct);
        var byId = existing.ToDictionary(t => t.Id);
        var byName = existing.ToDictionary(t => t.NameKey);
        var errors = new Dictionary<string, string[]>();
        var stale = new List<string>();
        var seen = new Dictionary<string, int>();
        var matched = new HashSet<Guid>();
        int created = 0, updated = 0, unchanged = 0, deleted = 0;
        var written = new List<Guid>();

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var nameKey = TerritoryEntity.KeyOf(row.Territory.Name!);
            if (!seen.TryAdd(nameKey, i))
            {
                errors[$"territories[{i}].name"] = [$"'{row.Territory.Name}' appears twice in the file (also territories[{seen[nameKey]}])."];
                continue;
            }
            var target = row.Id is { } id && byId.TryGetValue(id, out var found) ? found : byName.GetValueOrDefault(nameKey);
            if (target is not null && !matched.Add(target.Id))
            {
                errors[$"territories[{i}].id"] = ["Two rows of the file update the same territory."];
                continue;
            }
            if (target is not null && row.Version is { } v && v != target.Version)
            {
                stale.Add($"{target.Name} (line/row {row.Line ?? i}: version {v}, now {target.Version})");
                continue;
            }
            var isNew = target is null;
            target ??= new TerritoryEntity
            {
                Id = row.Id is { } newId && !byId.ContainsKey(newId) ? newId : Guid.NewGuid(),
                Version = 1, CreatedAt = writes.Now, UpdatedAt = writes.Now,
            };
            var before = isNew ? null : TerritoryResponse.From(target);
            if (await TerritoryWriter.ApplyAsync(parsed[i], target, db, writes.Places, $"territories[{i}].", writes.Now, ct) is { } rowErrors)
            {
                foreach (var (key, value) in rowErrors) { errors[key] = value; }
                continue;
            }
            if (isNew)
            {
                db.Territories.Add(target);
                writes.Audit.Created(db, actor, "territory", target.Id, TerritoryResponse.From(target), "import-create");
                created++;
                written.Add(target.Id);
            }
            else if (writes.Audit.Updated(db, actor, "territory", target.Id, before!, TerritoryResponse.From(target), "import-update"))
            {
                writes.Bump(target);
                updated++;
                written.Add(target.Id);
            }
            else
            {
                unchanged++;
            }
        }

        if (stale.Count > 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Some territories were changed by someone else.",
                detail: $"Export again and re-apply your edits; nothing was imported. Changed since your export: {string.Join("; ", stale)}.");
        }
        // A renamed row may now collide with a territory the file does not mention.
        foreach (var other in existing.Where(t => !matched.Contains(t.Id)))
        {
            if (seen.TryGetValue(other.NameKey, out var i) && !replace)
            {
                errors[$"territories[{i}].name"] = [$"Another territory is already called '{other.Name}'."];
            }
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (replace)
        {
            foreach (var gone in existing.Where(t => !matched.Contains(t.Id)))
            {
                writes.Audit.Deleted(db, actor, "territory", gone.Id, TerritoryResponse.From(gone));
                db.Territories.Remove(gone);
                deleted++;
            }
        }
        return await writes.SaveAsync(db, "territory", ct) is { } failed
            ? failed
            : TypedResults.Ok(new ImportResult(created, updated, unchanged, deleted, await overlaps.ForAsync(written, ct)));
    }
}
