using System.Security.Claims;
using Handoff.Api.Admin.Common;
using Handoff.Api.Infrastructure;
using Handoff.Scheduling.Handoffs;
using Handoff.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Handoff.Api.Admin.HandoffSettings;

/// <summary>GET/PUT /api/v1/admin/handoff-settings: talking points, product messaging, the handoff bar. One resource, audited.</summary>
public static class HandoffSettingsApi
{
    private const string What = "handoff settings";

    public static RouteGroupBuilder MapHandoffSettings(this RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/handoff-settings").WithTags("Admin: handoff settings");
        group.MapGet("/", GetAsync).WithName("GetHandoffSettings").WithSummary("Talking points, product messaging and the handoff bar (ETag = version; \"0\" before the first save)");
        group.MapPut("/", ReplaceAsync).WithName("ReplaceHandoffSettings").WithSummary("Replace the handoff settings (If-Match required)")
            .WithValidation<HandoffSettingsRequest>();
        return group;
    }

    public static async Task<Ok<HandoffSettingsResponse>> GetAsync(HandoffDbContext db, HttpContext http, CancellationToken ct)
    {
        var row = await db.HandoffSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == HandoffSettingsEntity.SingletonId, ct);
        http.Response.Headers.ETag = Preconditions.ETagOf(row?.Version ?? 0);
        return TypedResults.Ok(HandoffSettingsResponse.From(row));
    }

    public static async Task<Results<Ok<HandoffSettingsResponse>, ProblemHttpResult>> ReplaceAsync(
        HandoffSettingsRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, HandoffDbContext db, AdminWrites writes,
        HandoffSettingsCache cache, HttpContext http, ClaimsPrincipal user, CancellationToken ct)
    {
        if (ifMatch is null)
        {
            return AdminProblems.PreconditionRequired(What);
        }
        var row = await db.HandoffSettings.FirstOrDefaultAsync(s => s.Id == HandoffSettingsEntity.SingletonId, ct);
        if (!Preconditions.Matches(ifMatch, row?.Version ?? 0))
        {
            return AdminProblems.Stale(What, row?.Version ?? 0);
        }
        var isNew = row is null;
        row ??= new HandoffSettingsEntity { Id = HandoffSettingsEntity.SingletonId, Version = 1, CreatedAt = writes.Now, UpdatedAt = writes.Now };
        var before = HandoffSettingsResponse.From(isNew ? null : row);
        row.TalkingPoints = (request.TalkingPoints ?? [])
            .Select(t => new TalkingPointsData(t.Vertical!.Trim().ToLowerInvariant(), t.Points!.Select(p => p.Trim()).ToArray())).ToArray();
        row.ProductMessaging = string.IsNullOrWhiteSpace(request.ProductMessaging) ? null : request.ProductMessaging.Trim();
        row.Bar = request.Bar is { } bar && (bar.MinLifecycleStage is not null || bar.MinScore is not null || bar.RequiredNotes is { Count: > 0 })
            ? new HandoffBarData(bar.MinLifecycleStage is null ? null : LifecycleStages.Normalise(bar.MinLifecycleStage), bar.MinScore,
                (bar.RequiredNotes ?? []).Distinct().ToArray())
            : null;
        var actor = Actor.From(user);
        if (isNew)
        {
            db.HandoffSettings.Add(row);
            writes.Audit.Created(db, actor, "handoff-settings", row.Id, HandoffSettingsResponse.From(row));
        }
        else if (writes.Audit.Updated(db, actor, "handoff-settings", row.Id, before, HandoffSettingsResponse.From(row)))
        {
            writes.Bump(row);
        }
        if (await writes.SaveAsync(db, What, ct) is { } failed)
        {
            return failed;
        }
        cache.Invalidate();
        http.Response.Headers.ETag = Preconditions.ETagOf(row.Version);
        return TypedResults.Ok(HandoffSettingsResponse.From(row));
    }
}
