using System.Security.Claims;
using Handoff.Api.Admin.Common;
using Handoff.Api.Auth;
using Handoff.Api.Infrastructure;
using Handoff.Scheduling.Handoffs;
using Handoff.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Handoff.Api.Handoffs;

/// <summary>/api/v1/handoffs: recorded at send by SDRs; read by the SDR who sent it, the RSMs on it, and admins.</summary>
public static class HandoffsApi
{
    public static RouteGroupBuilder MapHandoffs(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/handoffs").WithTags("Handoffs").RequireAuthorization(Policies.HandoffReader)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPut("/{key}", RecordAsync).RequireAuthorization(Policies.Sdr).WithName("RecordHandoff")
            .WithSummary("Record a handoff at send (idempotent per key and content; If-Match to change it)")
            .WithValidation<HandoffRequest, ParsedHandoff>();
        group.MapGet("/", ListAsync).WithName("ListHandoffs").WithSummary("List handoffs (paged; filter by sdr, rsm, territory, from, to)");
        group.MapGet("/{key}", GetAsync).WithName("GetHandoff").WithSummary("Get a handoff with its brief's delivery state (ETag = version)");
        group.MapGet("/{key}/deliveries", DeliveriesAsync).WithName("ListHandoffDeliveries").WithSummary("The brief's outbox rows, one per version");
        return group;
    }

    public static async Task<Results<Ok<HandoffResponse>, Created<HandoffResponse>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        string key, HandoffRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, HandoffRecorder recorder,
        HttpContext http, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!HandoffKeys.IsValid(key))
        {
            return AdminProblems.Invalid("key", HandoffKeys.Rule);
        }
        var outcome = await recorder.RecordAsync(key, request, http.Parsed<ParsedHandoff>(), ifMatch, Caller.From(user), ct);
        if (outcome.Problem is { } problem)
        {
            return problem;
        }
        var record = outcome.Record!;
        http.SetETag(record);
        var body = HandoffResponse.From(record, null);
        return outcome.Created ? TypedResults.Created($"/api/v1/handoffs/{key}", body) : TypedResults.Ok(body);
    }

    /// <param name="sdr">The SDR's e-mail.</param>
    /// <param name="rsm">An RSM's e-mail.</param>
    /// <param name="from">Meetings starting at or after this instant.</param>
    /// <param name="to">Meetings starting before this instant.</param>
    public static async Task<Results<Ok<Paged<HandoffListItem>>, ValidationProblem>> ListAsync(
        string? sdr, string? rsm, string? territory, string? from, string? to, int? page, int? pageSize,
        HandoffDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!Paging.TryRead(page, pageSize, out var paging, out var problem))
        {
            return problem!;
        }
        var errors = new Dictionary<string, string[]>();
        Instant? fromAt = null, toAt = null;
        if (from is not null) { if (Instants.TryParse(from, out var f)) { fromAt = f; } else { errors["from"] = [$"'{from}' is not an ISO 8601 instant."]; } }
        if (to is not null) { if (Instants.TryParse(to, out var t)) { toAt = t; } else { errors["to"] = [$"'{to}' is not an ISO 8601 instant."]; } }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var query = Visible(db.Handoffs.AsNoTracking(), Caller.From(user));
        if (!string.IsNullOrWhiteSpace(sdr))
        {
            var key = sdr.Trim().ToLowerInvariant();
            query = query.Where(h => h.SdrKey == key);
        }
        if (!string.IsNullOrWhiteSpace(rsm))
        {
            var needle = "|" + rsm.Trim().ToLowerInvariant() + "|";
            query = query.Where(h => h.RsmKeys.Contains(needle));
        }
        if (!string.IsNullOrWhiteSpace(territory))
        {
            var name = territory.Trim();
            query = query.Where(h => h.Territory == name);
        }
        if (fromAt is { } a) { query = query.Where(h => h.Start >= a); }
        if (toAt is { } b) { query = query.Where(h => h.Start < b); }
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(h => h.Start).ThenBy(h => h.Key).PageOf(paging).ToListAsync(ct);
        return TypedResults.Ok(new Paged<HandoffListItem>(items.Select(HandoffListItem.From).ToArray(), paging.Page, paging.Size, total));
    }

    public static async Task<Results<Ok<HandoffResponse>, ProblemHttpResult>> GetAsync(
        string key, HandoffDbContext db, HttpContext http, ClaimsPrincipal user, IClock clock, CancellationToken ct)
    {
        var handoff = await Visible(db.Handoffs.AsNoTracking(), Caller.From(user)).FirstOrDefaultAsync(h => h.Key == key, ct);
        if (handoff is null)
        {
            return NotFound(key);
        }
        var latest = await db.BriefDeliveries.AsNoTracking().Where(d => d.HandoffId == handoff.Id)
            .OrderByDescending(d => d.HandoffVersion).FirstOrDefaultAsync(ct);
        http.SetETag(handoff);
        return TypedResults.Ok(HandoffResponse.From(handoff,
            latest is null ? null : new DeliveryStateDto(latest.HandoffVersion, latest.Status, latest.Attempts, latest.LastError, latest.SentAt is { } s ? Instants.Format(s) : null),
            clock.GetCurrentInstant()));
    }

    public static async Task<Results<Ok<DeliveryResponse[]>, ProblemHttpResult>> DeliveriesAsync(
        string key, HandoffDbContext db, ClaimsPrincipal user, IServiceProvider services, CancellationToken ct)
    {
        var handoff = await Visible(db.Handoffs.AsNoTracking(), Caller.From(user)).FirstOrDefaultAsync(h => h.Key == key, ct);
        if (handoff is null)
        {
            return NotFound(key);
        }
        var mailer = services.GetService<IBriefMailer>()?.Describe;
        var rows = await db.BriefDeliveries.AsNoTracking().Where(d => d.HandoffId == handoff.Id).OrderBy(d => d.HandoffVersion).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(d => DeliveryResponse.From(d, mailer)).ToArray());
    }

    /// <summary>SDRs see their own handoffs, RSMs the ones they are on, admins all.</summary>
    public static IQueryable<HandoffEntity> Visible(IQueryable<HandoffEntity> query, Caller caller)
    {
        if (caller.IsAdmin)
        {
            return query;
        }
        var needle = "|" + caller.Key + "|";
        return query.Where(h => h.SdrKey == caller.Key || h.RsmKeys.Contains(needle));
    }

    private static ProblemHttpResult NotFound(string key) =>
        TypedResults.Problem(statusCode: 404, title: "No such handoff.", detail: $"No handoff you can see has the key {key}.");
}
