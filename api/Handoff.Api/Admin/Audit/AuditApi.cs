using System.Text.Json;
using Handoff.Api.Admin.Common;
using Handoff.Api.Infrastructure;
using Handoff.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Handoff.Api.Admin.Audit;

/// <param name="Changes">{"after": …} for a create, {"before": …} for a delete, {"changed": {field: {from, to}}} for an update.</param>
public sealed record AuditEntryResponse(long Id, string At, string Actor, string? ActorId, string Resource, string ResourceId, string Action, JsonElement Changes)
{
    public static AuditEntryResponse From(AuditEntryEntity e) => new(
        e.Id, Instants.Format(e.At), e.Actor, e.ActorId, e.Resource, e.ResourceId, e.Action, JsonDocument.Parse(e.Changes).RootElement.Clone());
}

public static class AuditApi
{
    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/audit").WithTags("Admin: audit");
        group.MapGet("/", ListAsync).WithName("ListAudit").WithSummary("Who changed what and when, newest first (read-only)");
        return group;
    }

    /// <param name="resource">rsm, territory or field-plan.</param>
    /// <param name="resourceId">One resource's id.</param>
    /// <param name="actor">The name or id of who made the change.</param>
    /// <param name="from">ISO 8601 instant: changes at or after it.</param>
    /// <param name="to">ISO 8601 instant: changes before it.</param>
    public static async Task<Results<Ok<Paged<AuditEntryResponse>>, ValidationProblem>> ListAsync(
        HandoffDbContext db, string? resource, string? resourceId, string? actor, string? from, string? to, int? page, int? pageSize, CancellationToken ct)
    {
        if (!Paging.TryRead(page, pageSize, out var paging, out var problem))
        {
            return problem!;
        }
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(resource)) { query = query.Where(a => a.Resource == resource.Trim()); }
        if (!string.IsNullOrWhiteSpace(resourceId)) { query = query.Where(a => a.ResourceId == resourceId.Trim()); }
        if (!string.IsNullOrWhiteSpace(actor)) { query = query.Where(a => a.Actor == actor.Trim() || a.ActorId == actor.Trim()); }
        if (from is not null)
        {
            if (!Instants.TryParse(from, out var f)) { return AdminProblems.Invalid("from", $"'{from}' is not an ISO 8601 instant such as 2026-12-03T15:00:00Z."); }
            query = query.Where(a => a.At >= f);
        }
        if (to is not null)
        {
            if (!Instants.TryParse(to, out var t)) { return AdminProblems.Invalid("to", $"'{to}' is not an ISO 8601 instant such as 2026-12-03T15:00:00Z."); }
            query = query.Where(a => a.At < t);
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.Id).PageOf(paging).ToListAsync(ct);
        return TypedResults.Ok(new Paged<AuditEntryResponse>(items.Select(AuditEntryResponse.From).ToArray(), paging.Page, paging.Size, total));
    }
}
