using System.Security.Claims;
using Handoff.Api.Admin.Common;
using Handoff.Api.Infrastructure;
using Handoff.Api.Storage;
using Handoff.Scheduling.Org;
using Handoff.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Handoff.Api.Admin.Rsms;

public static class RsmsApi
{
    private const string What = "RSM";

    public static RouteGroupBuilder MapRsms(this RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/rsms").WithTags("Admin: RSMs");
        group.MapGet("/", ListAsync).WithName("ListRsms").WithSummary("List RSMs (paged; filter by active, vertical, q)");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetRsm").WithSummary("Get an RSM (ETag = version)");
        group.MapPost("/", CreateAsync).WithName("CreateRsm").WithSummary("Create an RSM").WithValidation<RsmRequest, ParsedRsm>();
        group.MapPut("/{id:guid}", ReplaceAsync).WithName("ReplaceRsm").WithSummary("Replace an RSM (If-Match required)").WithValidation<RsmRequest, ParsedRsm>();
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteRsm").WithSummary("Delete an RSM and their field plans (If-Match required)");
        return group;
    }

    /// <param name="q">Part of the name or e-mail, ignoring case.</param>
    public static async Task<Results<Ok<Paged<RsmResponse>>, ValidationProblem>> ListAsync(
        HandoffDbContext db, bool? active, string? vertical, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        if (!Paging.TryRead(page, pageSize, out var paging, out var problem))
        {
            return problem!;
        }
        var query = db.Rsms.AsNoTracking();
        if (active is { } a)
        {
            query = query.Where(r => r.Active == a);
        }
        if (!string.IsNullOrWhiteSpace(vertical))
        {
            var needle = Tags.Needle(vertical);
            query = query.Where(r => r.Verticals.Contains(needle));
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim().ToLowerInvariant();
            query = query.Where(r => r.EmailKey.Contains(text) || r.DisplayName.ToLower().Contains(text));
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(r => r.DisplayName).ThenBy(r => r.EmailKey).PageOf(paging).ToListAsync(ct);
        return TypedResults.Ok(new Paged<RsmResponse>(items.Select(RsmResponse.From).ToArray(), paging.Page, paging.Size, total));
    }

    public static async Task<Results<Ok<RsmResponse>, ProblemHttpResult>> GetAsync(Guid id, HandoffDbContext db, HttpContext http, CancellationToken ct)
    {
        var rsm = await db.Rsms.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rsm is null)
        {
            return AdminProblems.NotFound(What, id);
        }
        http.SetETag(rsm);
        return TypedResults.Ok(RsmResponse.From(rsm));
    }

    public static async Task<Results<Created<RsmResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        RsmRequest request, HandoffDbContext db, AdminWrites writes, HttpContext http, ClaimsPrincipal user, CancellationToken ct)
    {
        var rsm = new RsmEntity { Id = Guid.NewGuid(), Version = 1, CreatedAt = writes.Now, UpdatedAt = writes.Now };
        if (Apply(http.Parsed<ParsedRsm>(), rsm, writes.Places) is { } invalid)
        {
            return invalid;
        }
        if (await EmailTakenAsync(db, rsm.EmailKey, rsm.Id, ct))
        {
            return DuplicateEmail(rsm.Email);
        }
        db.Rsms.Add(rsm);
        writes.Audit.Created(db, Actor.From(user), "rsm", rsm.Id, RsmResponse.From(rsm));
        if (await writes.SaveAsync(db, What, ct) is { } failed)
        {
            return await EmailTakenAsync(db, rsm.EmailKey, rsm.Id, ct) ? DuplicateEmail(rsm.Email) : failed;
        }
        http.SetETag(rsm);
        return TypedResults.Created($"/api/v1/admin/rsms/{rsm.Id}", RsmResponse.From(rsm));
    }

    public static async Task<Results<Ok<RsmResponse>, ValidationProblem, ProblemHttpResult>> ReplaceAsync(
        Guid id, RsmRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        HandoffDbContext db, AdminWrites writes, HttpContext http, ClaimsPrincipal user, CancellationToken ct)
    {
        var (rsm, problem) = await db.Rsms.FindForWriteAsync(id, ifMatch, What, ct);
        if (rsm is null)
        {
            return problem!;
        }
        var before = RsmResponse.From(rsm);
        if (Apply(http.Parsed<ParsedRsm>(), rsm, writes.Places) is { } invalid)
        {
            return invalid;
        }
        if (await EmailTakenAsync(db, rsm.EmailKey, rsm.Id, ct))
        {
            return DuplicateEmail(rsm.Email);
        }
        if (writes.Audit.Updated(db, Actor.From(user), "rsm", id, before, RsmResponse.From(rsm)))
        {
            writes.Bump(rsm);
            if (await writes.SaveAsync(db, What, ct) is { } failed)
            {
                return await EmailTakenAsync(db, rsm.EmailKey, rsm.Id, ct) ? DuplicateEmail(rsm.Email) : failed;
            }
        }
        http.SetETag(rsm);
        return TypedResults.Ok(RsmResponse.From(rsm));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, HandoffDbContext db, AdminWrites writes, ClaimsPrincipal user, CancellationToken ct)
    {
        var (rsm, problem) = await db.Rsms.FindForWriteAsync(id, ifMatch, What, ct);
        if (rsm is null)
        {
            return problem!;
        }
        var territories = await db.Territories.AsNoTracking().Where(t => t.Assignments.Any(a => a.RsmId == id))
            .OrderBy(t => t.NameKey).Select(t => t.Name).ToListAsync(ct);
        if (territories.Count > 0)
        {
            return AdminProblems.Conflict("The RSM still covers territories.",
                $"{rsm.DisplayName} is assigned to {string.Join(", ", territories)}. Remove them from those territories first, or set 'active' to false.");
        }
        // Their field plans go with them (cascade); each gets its own audit row so nothing disappears unrecorded.
        var actor = Actor.From(user);
        foreach (var plan in await db.FieldPlans.Include(p => p.Rsm).Where(p => p.RsmId == id).ToListAsync(ct))
        {
            writes.Audit.Deleted(db, actor, "field-plan", plan.Id, FieldPlans.FieldPlanResponse.Of(plan));
            db.FieldPlans.Remove(plan);
        }
        writes.Audit.Deleted(db, actor, "rsm", id, RsmResponse.From(rsm));
        db.Rsms.Remove(rsm);
        return await writes.SaveAsync(db, What, ct) is { } failed ? failed : TypedResults.NoContent();
    }

    /// <summary>
    /// Copies the request as the validation filter read it (zones and hours already read) onto the row; a place that
    /// cannot be resolved is a 400 naming the field.
    /// </summary>
    private static ValidationProblem? Apply(ParsedRsm request, RsmEntity rsm, PlaceInputs places)
    {
        Handoff.Storage.PlaceData? home = null;
        if (request.HomeBase is { } h && !places.TryResolve(h, out home, out var error))
        {
            return AdminProblems.Invalid("homeBase.text", error);
        }
        var email = new EmailAddress(request.Email!);
        rsm.Email = email.Value;
        rsm.EmailKey = email.Key;
        rsm.DisplayName = request.DisplayName!.Trim();
        rsm.TimeZone = request.TimeZone?.Id;
        rsm.HomeBase = home;
        rsm.WorkingHours = request.WorkingHours?.ToData();
        rsm.Verticals = Tags.Join(request.Verticals);
        rsm.Travel = request.Travel?.ToData();
        rsm.Active = request.Active ?? true;
        return null;
    }

    private static Task<bool> EmailTakenAsync(HandoffDbContext db, string key, Guid id, CancellationToken ct) =>
        db.Rsms.AsNoTracking().AnyAsync(r => r.EmailKey == key && r.Id != id, ct);

    private static ProblemHttpResult DuplicateEmail(string email) =>
        AdminProblems.Conflict("An RSM with this e-mail exists.", $"Another RSM already has the e-mail {email} (e-mails are compared ignoring case).");
}
