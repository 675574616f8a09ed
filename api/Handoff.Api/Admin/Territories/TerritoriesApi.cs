using System.Security.Claims;
using Handoff.Api.Admin.Common;
using Handoff.Api.Infrastructure;
using Handoff.Api.Routing;
using Handoff.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Handoff.Api.Admin.Territories;

public static class TerritoriesApi
{
    private const string What = "territory";

    public static RouteGroupBuilder MapTerritories(this RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/territories").WithTags("Admin: territories");
        group.MapGet("/", ListAsync).WithName("ListTerritories").WithSummary("List territories (paged; filter by rsm, q)");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetTerritory").WithSummary("Get a territory (ETag = version)");
        group.MapPost("/", CreateAsync).WithName("CreateTerritory").WithSummary("Create a territory").WithValidation<TerritoryRequest, ParsedTerritory>();
        group.MapPut("/{id:guid}", ReplaceAsync).WithName("ReplaceTerritory").WithSummary("Replace a territory (If-Match required)").WithValidation<TerritoryRequest, ParsedTerritory>();
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteTerritory").WithSummary("Delete a territory (If-Match required)");
        group.MapTerritoryTransfer();
        group.MapTerritoryRouting();
        return group;
    }

    /// <param name="rsm">An RSM's e-mail or id: only territories they cover.</param>
    /// <param name="q">Part of the name, ignoring case.</param>
    public static async Task<Results<Ok<Paged<TerritoryResponse>>, ValidationProblem>> ListAsync(
        HandoffDbContext db, string? rsm, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        if (!Paging.TryRead(page, pageSize, out var paging, out var problem))
        {
            return problem!;
        }
        var query = db.Territories.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(rsm))
        {
            var key = RsmEntity.KeyOf(rsm);
            var id = Guid.TryParse(rsm, out var g) ? g : Guid.Empty;
            query = query.Where(t => t.Assignments.Any(a => a.RsmId == id || a.Rsm!.EmailKey == key));
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim().ToLowerInvariant();
            query = query.Where(t => t.NameKey.Contains(text));
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(t => t.NameKey).PageOf(paging).WithAssignments().AsSplitQuery().ToListAsync(ct);
        return TypedResults.Ok(new Paged<TerritoryResponse>(items.Select(TerritoryResponse.From).ToArray(), paging.Page, paging.Size, total));
    }

    public static async Task<Results<Ok<TerritoryResponse>, ProblemHttpResult>> GetAsync(Guid id, HandoffDbContext db, HttpContext http, CancellationToken ct)
    {
        var territory = await db.Territories.AsNoTracking().WithAssignments().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (territory is null)
        {
            return AdminProblems.NotFound(What, id);
        }
        http.SetETag(territory);
        return TypedResults.Ok(TerritoryResponse.From(territory));
    }

    public static async Task<Results<Created<TerritoryResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        TerritoryRequest request, HandoffDbContext db, AdminWrites writes, TerritoryOverlapReport overlaps, HttpContext http, ClaimsPrincipal user, CancellationToken ct)
    {
        var territory = new TerritoryEntity { Id = Guid.NewGuid(), Version = 1, CreatedAt = writes.Now, UpdatedAt = writes.Now };
        if (await TerritoryWriter.ApplyAsync(http.Parsed<ParsedTerritory>(), territory, db, writes.Places, "", writes.Now, ct) is { } errors)
        {
            return TerritoryWriter.Problem(errors);
        }
        if (await NameTakenAsync(db, territory.NameKey, territory.Id, ct))
        {
            return DuplicateName(territory.Name);
        }
        db.Territories.Add(territory);
        writes.Audit.Created(db, Actor.From(user), "territory", territory.Id, TerritoryResponse.From(territory));
        if (await writes.SaveAsync(db, What, ct) is { } failed)
        {
            return await NameTakenAsync(db, territory.NameKey, territory.Id, ct) ? DuplicateName(territory.Name) : failed;
        }
        http.SetETag(territory);
        return TypedResults.Created($"/api/v1/admin/territories/{territory.Id}",
            TerritoryResponse.From(territory) with { Overlaps = await overlaps.ForAsync([territory.Id], ct) });
    }

    public static async Task<Results<Ok<TerritoryResponse>, ValidationProblem, ProblemHttpResult>> ReplaceAsync(
        Guid id, TerritoryRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        HandoffDbContext db, AdminWrites writes, TerritoryOverlapReport overlaps, HttpContext http, ClaimsPrincipal user, CancellationToken ct)
    {
        var (territory, problem) = await db.Territories.WithAssignments().FindForWriteAsync(id, ifMatch, What, ct);
        if (territory is null)
        {
            return problem!;
        }
        var before = TerritoryResponse.From(territory);
        if (await TerritoryWriter.ApplyAsync(http.Parsed<ParsedTerritory>(), territory, db, writes.Places, "", writes.Now, ct) is { } errors)
        {
            return TerritoryWriter.Problem(errors);
        }
        if (await NameTakenAsync(db, territory.NameKey, territory.Id, ct))
        {
            return DuplicateName(territory.Name);
        }
        if (writes.Audit.Updated(db, Actor.From(user), "territory", id, before, TerritoryResponse.From(territory)))
        {
            writes.Bump(territory);
            if (await writes.SaveAsync(db, What, ct) is { } failed)
            {
                return await NameTakenAsync(db, territory.NameKey, territory.Id, ct) ? DuplicateName(territory.Name) : failed;
            }
        }
        http.SetETag(territory);
        return TypedResults.Ok(TerritoryResponse.From(territory) with { Overlaps = await overlaps.ForAsync([territory.Id], ct) });
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, HandoffDbContext db, AdminWrites writes, ClaimsPrincipal user, CancellationToken ct)
    {
        var (territory, problem) = await db.Territories.WithAssignments().FindForWriteAsync(id, ifMatch, What, ct);
        if (territory is null)
        {
            return problem!;
        }
        writes.Audit.Deleted(db, Actor.From(user), "territory", id, TerritoryResponse.From(territory));
        db.Territories.Remove(territory);
        return await writes.SaveAsync(db, What, ct) is { } failed ? failed : TypedResults.NoContent();
    }

    public static Task<bool> NameTakenAsync(HandoffDbContext db, string key, Guid id, CancellationToken ct) =>
        db.Territories.AsNoTracking().AnyAsync(t => t.NameKey == key && t.Id != id, ct);

    public static ProblemHttpResult DuplicateName(string name) =>
        AdminProblems.Conflict("A territory with this name exists.", $"Another territory is already called '{name}' (names are compared ignoring case).");
}
