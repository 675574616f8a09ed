using System.Security.Claims;
using Handoff.Api.Admin.Common;
using Handoff.Api.Infrastructure;
using Handoff.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Handoff.Api.Outcomes;

/// <summary>POST/GET /api/v1/handoffs/{key}/outcome: what became of the meeting.</summary>
public static class OutcomesApi
{
    public static RouteGroupBuilder MapOutcomes(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/handoffs").WithTags("Outcomes").RequireAuthorization(OutcomePolicies.Writer)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/{key}/outcome", RecordAsync).WithName("RecordOutcome")
            .WithSummary("Record what became of the meeting (the handoff's SDR or RSM, an admin, or the integration); the same outcome again changes nothing")
            .WithValidation<OutcomeRequest, ParsedOutcome>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{key}/outcome", GetAsync).WithName("GetOutcome")
            .WithSummary("The meeting's outcome, or upcoming / awaitingOutcome / noOutcomeYet").ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    public static async Task<Results<Ok<OutcomeResponse>, Created<OutcomeResponse>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        string key, OutcomeRequest request, HttpContext http, HandoffDbContext db, OutcomeWriter writer, IClock clock, IOptions<OutcomeOptions> options,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var caller = OutcomeCaller.From(user);
        var handoff = await caller.Visible(db.Handoffs.AsNoTracking()).FirstOrDefaultAsync(h => h.Key == key, ct);
        if (handoff is null)
        {
            return NotFound(key);
        }
        var applied = await writer.RecordAsync(handoff, http.Parsed<ParsedOutcome>(), caller, "api", ct);
        if (applied.Error is { } error)
        {
            return AdminProblems.Invalid(applied.Field!, error);
        }
        var body = OutcomeResponse.From(applied.Outcome!, clock.GetCurrentInstant(), Duration.FromTimeSpan(options.Value.NoOutcomeAfter));
        return applied.Created ? TypedResults.Created($"/api/v1/handoffs/{key}/outcome", body) : TypedResults.Ok(body);
    }

    public static async Task<Results<Ok<OutcomeResponse>, ProblemHttpResult>> GetAsync(
        string key, HandoffDbContext db, IClock clock, IOptions<OutcomeOptions> options, ClaimsPrincipal user, CancellationToken ct)
    {
        var caller = OutcomeCaller.From(user);
        var handoff = await caller.Visible(db.Handoffs.AsNoTracking()).FirstOrDefaultAsync(h => h.Key == key, ct);
        if (handoff is null)
        {
            return NotFound(key);
        }
        var now = clock.GetCurrentInstant();
        var grace = Duration.FromTimeSpan(options.Value.NoOutcomeAfter);
        var outcome = await db.HandoffOutcomes.AsNoTracking().FirstOrDefaultAsync(o => o.HandoffId == handoff.Id, ct);
        return TypedResults.Ok(outcome is null ? OutcomeResponse.None(handoff, now, grace) : OutcomeResponse.From(outcome, now, grace));
    }

    public static ProblemHttpResult NotFound(string key) =>
        TypedResults.Problem(statusCode: 404, title: "No such handoff.", detail: $"No handoff you can see has the key {key}.");
}
