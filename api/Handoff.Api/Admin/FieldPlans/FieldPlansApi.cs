using System.Security.Claims;
using Handoff.Api.Admin.Common;
using Handoff.Api.Infrastructure;
using Handoff.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Handoff.Api.Admin.FieldPlans;

public static class FieldPlansApi
{
    private const string What = "field plan";

    public static RouteGroupBuilder MapFieldPlans(this RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/field-plans").WithTags("Admin: field plans");
        group.MapGet("/", ListAsync).WithName("ListFieldPlans").WithSummary("List field plans (paged; filter by rsm, from, to)");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetFieldPlan").WithSummary("Get a field plan (ETag = version)");
        group.MapPost("/", CreateAsync).WithName("CreateFieldPlan").WithSummary("Create a field plan").WithValidation<FieldPlanRequest, ParsedFieldPlan>();
        group.MapPut("/{id:guid}", ReplaceAsync).WithName("ReplaceFieldPlan").WithSummary("Replace a field plan (If-Match required)").WithValidation<FieldPlanRequest, ParsedFieldPlan>();
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteFieldPlan").WithSummary("Delete a field plan (If-Match required)");
        return group;
    }

    /// <param name="rsm">An RSM's e-mail or id.</param>
    /// <param name="from">Only plans that end on or after this date.</param>
    /// <param name="to">Only plans that start on or before this date.</param>
    public static async Task<Results<Ok<Paged<FieldPlanResponse>>, ValidationProblem>> ListAsync(
        HandoffDbContext db, string? rsm, string? from, string? to, int? page, int? pageSize, CancellationToken ct)
    {
        if (!Paging.TryRead(page, pageSize, out var paging, out var problem))
        {
            return problem!;
        }
        var query = db.FieldPlans.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(rsm))
        {
            var key = RsmEntity.KeyOf(rsm);
            var id = Guid.TryParse(rsm, out var g) ? g : Guid.Empty;
            query = query.Where(p => p.RsmId == id || p.Rsm!.EmailKey == key);
        }
        if (from is not null)
        {
            if (!Dates.TryParse(from, out var f)) { return AdminProblems.Invalid("from", $"'{from}' is not a date such as 2026-12-07."); }
            query = query.Where(p => p.To >= f);
        }
        if (to is not null)
        {
            if (!Dates.TryParse(to, out var t)) { return AdminProblems.Invalid("to", $"'{to}' is not a date such as 2026-12-07."); }
            query = query.Where(p => p.From <= t);
        }
        var total = await query.CountAsync(ct);
        var items = await query.Include(p => p.Rsm).OrderBy(p => p.From).ThenBy(p => p.Rsm!.EmailKey).ThenBy(p => p.Id).PageOf(paging).ToListAsync(ct);
        return TypedResults.Ok(new Paged<FieldPlanResponse>(items.Select(FieldPlanResponse.Of).ToArray(), paging.Page, paging.Size, total));
    }

    public static async Task<Results<Ok<FieldPlanResponse>, ProblemHttpResult>> GetAsync(Guid id, HandoffDbContext db, HttpContext http, CancellationToken ct)
    {
        var plan = await db.FieldPlans.AsNoTracking().Include(p => p.Rsm).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
        {
            return AdminProblems.NotFound(What, id);
        }
        http.SetETag(plan);
        return TypedResults.Ok(FieldPlanResponse.Of(plan));
    }

    public static async Task<Results<Created<FieldPlanResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        FieldPlanRequest request, HandoffDbContext db, AdminWrites writes, HttpContext http, ClaimsPrincipal user, CancellationToken ct)
    {
        var plan = new FieldPlanEntity { Id = Guid.NewGuid(), Version = 1, CreatedAt = writes.Now, UpdatedAt = writes.Now };
        if (await ApplyAsync(request, http.Parsed<ParsedFieldPlan>(), plan, db, writes.Places, ct) is { } invalid)
        {
            return invalid;
        }
        db.FieldPlans.Add(plan);
        writes.Audit.Created(db, Actor.From(user), "field-plan", plan.Id, FieldPlanResponse.Of(plan));
        if (await writes.SaveAsync(db, What, ct) is { } failed)
        {
            return failed;
        }
        http.SetETag(plan);
        return TypedResults.Created($"/api/v1/admin/field-plans/{plan.Id}", FieldPlanResponse.Of(plan));
    }

    public static async Task<Results<Ok<FieldPlanResponse>, ValidationProblem, ProblemHttpResult>> ReplaceAsync(
        Guid id, FieldPlanRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        HandoffDbContext db, AdminWrites writes, HttpContext http, ClaimsPrincipal user, CancellationToken ct)
    {
        var (plan, problem) = await db.FieldPlans.Include(p => p.Rsm).FindForWriteAsync(id, ifMatch, What, ct);
        if (plan is null)
        {
            return problem!;
        }
        var before = FieldPlanResponse.Of(plan);
        if (await ApplyAsync(request, http.Parsed<ParsedFieldPlan>(), plan, db, writes.Places, ct) is { } invalid)
        {
            return invalid;
        }
        if (writes.Audit.Updated(db, Actor.From(user), "field-plan", id, before, FieldPlanResponse.Of(plan)))
        {
            writes.Bump(plan);
            if (await writes.SaveAsync(db, What, ct) is { } failed)
            {
                return failed;
            }
        }
        http.SetETag(plan);
        return TypedResults.Ok(FieldPlanResponse.Of(plan));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, HandoffDbContext db, AdminWrites writes, ClaimsPrincipal user, CancellationToken ct)
    {
        var (plan, problem) = await db.FieldPlans.Include(p => p.Rsm).FindForWriteAsync(id, ifMatch, What, ct);
        if (plan is null)
        {
            return problem!;
        }
        writes.Audit.Deleted(db, Actor.From(user), "field-plan", id, FieldPlanResponse.Of(plan));
        db.FieldPlans.Remove(plan);
        return await writes.SaveAsync(db, What, ct) is { } failed ? failed : TypedResults.NoContent();
    }

    private static async Task<ValidationProblem?> ApplyAsync(FieldPlanRequest request, ParsedFieldPlan parsed, FieldPlanEntity plan, HandoffDbContext db, PlaceInputs places, CancellationToken ct)
    {
        var key = RsmEntity.KeyOf(request.RsmEmail!);
        var rsm = await db.Rsms.FirstOrDefaultAsync(r => r.EmailKey == key, ct);
        if (rsm is null)
        {
            return AdminProblems.Invalid("rsmEmail", $"No RSM has the e-mail {request.RsmEmail!.Trim()}: create the RSM first.");
        }
        if (!places.TryResolve(parsed.Place!, out var place, out var error))
        {
            return AdminProblems.Invalid("place.text", error);
        }
        plan.Rsm = rsm;
        plan.RsmId = rsm.Id;
        plan.From = parsed.From!.Value;
        plan.To = parsed.To!.Value;
        plan.Place = place;
        plan.Confidence = request.Confidence!.Value;
        plan.Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        plan.Leave = request.Leave ?? false;
        return null;
    }
}
