using System.Security.Claims;
using Handoff.Api.Admin.Common;
using Handoff.Api.Infrastructure;
using Handoff.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Handoff.Api.FieldIntel.Profiles;

/// <summary>/api/v1/admin/travel-profiles: validated, audited, versioned like every admin resource.</summary>
public static class TravelProfilesApi
{
    private const string What = "travel profile";
    private const string Resource = "travel-profile";

    public static RouteGroupBuilder MapTravelProfiles(this RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/travel-profiles").WithTags("Admin: travel profiles");
        group.MapGet("/", ListAsync).WithName("ListTravelProfiles").WithSummary("List travel profiles (org, regions, territories)");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetTravelProfile").WithSummary("Get a travel profile (ETag = version)");
        group.MapPost("/", CreateAsync).WithName("CreateTravelProfile").WithSummary("Create a travel profile for the org, a region or a territory")
            .WithValidation<TravelProfileRequest>();
        group.MapPut("/{id:guid}", ReplaceAsync).WithName("ReplaceTravelProfile").WithSummary("Replace a travel profile (If-Match required)")
            .WithValidation<TravelProfileRequest>();
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteTravelProfile").WithSummary("Delete a travel profile (If-Match required)");
        return group;
    }

    public static async Task<Ok<TravelProfileResponse[]>> ListAsync(HandoffDbContext db, CancellationToken ct)
    {
        var all = await db.TravelProfiles.AsNoTracking().Include(p => p.Territory).ToListAsync(ct);
        var order = TravelProfileRequestValidator.Scopes;
        return TypedResults.Ok(all.OrderBy(p => Array.IndexOf(order, p.Scope)).ThenBy(p => p.Territory?.Name ?? p.ScopeKey, StringComparer.Ordinal)
            .Select(TravelProfileResponse.Of).ToArray());
    }

    public static async Task<Results<Ok<TravelProfileResponse>, ProblemHttpResult>> GetAsync(Guid id, HandoffDbContext db, HttpContext http, CancellationToken ct)
    {
        var profile = await db.TravelProfiles.AsNoTracking().Include(p => p.Territory).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (profile is null)
        {
            return AdminProblems.NotFound(What, id);
        }
        http.SetETag(profile);
        return TypedResults.Ok(TravelProfileResponse.Of(profile));
    }

    public static async Task<Results<Created<TravelProfileResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        TravelProfileRequest request, HandoffDbContext db, AdminWrites writes, StoreFieldIntel intel, HttpContext http, ClaimsPrincipal user, CancellationToken ct)
    {
        var profile = new TravelProfileEntity { Id = Guid.NewGuid(), Version = 1, CreatedAt = writes.Now, UpdatedAt = writes.Now };
        if (await ApplyAsync(request, profile, db, ct) is { } invalid)
        {
            return invalid;
        }
        if (await db.TravelProfiles.AnyAsync(p => p.Scope == profile.Scope && p.ScopeKey == profile.ScopeKey, ct))
        {
            return AdminProblems.Conflict("A travel profile for this already exists.",
                $"There is already a {profile.Scope} travel profile for {profile.Territory?.Name ?? profile.ScopeKey}: replace it (PUT) instead.");
        }
        db.TravelProfiles.Add(profile);
        writes.Audit.Created(db, Actor.From(user), Resource, profile.Id, TravelProfileResponse.Of(profile));
        if (await writes.SaveAsync(db, What, ct) is { } failed)
        {
            return failed;
        }
        await intel.RefreshAsync(ct);
        http.SetETag(profile);
        return TypedResults.Created($"/api/v1/admin/travel-profiles/{profile.Id}", TravelProfileResponse.Of(profile));
    }

    public static async Task<Results<Ok<TravelProfileResponse>, ValidationProblem, ProblemHttpResult>> ReplaceAsync(
        Guid id, TravelProfileRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        HandoffDbContext db, AdminWrites writes, StoreFieldIntel intel, HttpContext http, ClaimsPrincipal user, CancellationToken ct)
    {
        var (profile, problem) = await db.TravelProfiles.Include(p => p.Territory).FindForWriteAsync(id, ifMatch, What, ct);
        if (profile is null)
        {
            return problem!;
        }
        var before = TravelProfileResponse.Of(profile);
        if (await ApplyAsync(request, profile, db, ct) is { } invalid)
        {
            return invalid;
        }
        if (await db.TravelProfiles.AnyAsync(p => p.Id != id && p.Scope == profile.Scope && p.ScopeKey == profile.ScopeKey, ct))
        {
            return AdminProblems.Conflict("A travel profile for this already exists.", "Another profile has this scope; edit that one instead.");
        }
        if (writes.Audit.Updated(db, Actor.From(user), Resource, id, before, TravelProfileResponse.Of(profile)))
        {
            writes.Bump(profile);
            if (await writes.SaveAsync(db, What, ct) is { } failed)
            {
                return failed;
            }
            await intel.RefreshAsync(ct);
        }
        http.SetETag(profile);
        return TypedResults.Ok(TravelProfileResponse.Of(profile));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, HandoffDbContext db, AdminWrites writes, StoreFieldIntel intel, ClaimsPrincipal user, CancellationToken ct)
    {
        var (profile, problem) = await db.TravelProfiles.Include(p => p.Territory).FindForWriteAsync(id, ifMatch, What, ct);
        if (profile is null)
        {
            return problem!;
        }
        writes.Audit.Deleted(db, Actor.From(user), Resource, id, TravelProfileResponse.Of(profile));
        db.TravelProfiles.Remove(profile);
        if (await writes.SaveAsync(db, What, ct) is { } failed)
        {
            return failed;
        }
        await intel.RefreshAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<ValidationProblem?> ApplyAsync(TravelProfileRequest request, TravelProfileEntity profile, HandoffDbContext db, CancellationToken ct)
    {
        var scope = request.Scope!.Trim().ToLowerInvariant();
        profile.Scope = scope;
        profile.Territory = null;
        profile.TerritoryId = null;
        switch (scope)
        {
            case "org":
                profile.ScopeKey = "ORG";
                break;
            case "region":
                profile.ScopeKey = request.Region!.Trim().ToUpperInvariant();
                break;
            default:
                var text = request.Territory!.Trim();
                var key = TerritoryEntity.KeyOf(text);
                var byId = Guid.TryParse(text, out var g) ? g : Guid.Empty;
                var territory = await db.Territories.FirstOrDefaultAsync(t => t.Id == byId || t.NameKey == key, ct);
                if (territory is null)
                {
                    return AdminProblems.Invalid("territory", $"No territory is called or has the id '{text}'.");
                }
                profile.Territory = territory;
                profile.TerritoryId = territory.Id;
                profile.ScopeKey = territory.Id.ToString().ToUpperInvariant();
                break;
        }
        profile.AverageSpeedKmh = request.AverageSpeedKmh;
        profile.BufferBeforeMinutes = request.BufferBeforeMinutes;
        profile.BufferAfterMinutes = request.BufferAfterMinutes;
        profile.LobbyWaitMinutes = request.LobbyWaitMinutes;
        profile.LongestDriveMinutes = request.LongestDriveMinutes;
        profile.Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        return null;
    }
}
