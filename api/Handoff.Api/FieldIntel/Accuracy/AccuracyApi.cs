using Handoff.Api.Admin.FieldPlans;
using Handoff.Api.Auth;
using Handoff.Scheduling.Field;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Travel;
using Handoff.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Handoff.Api.FieldIntel.Accuracy;

/// <summary>GET /api/v1/field-plans/accuracy: how often field plans came true, per RSM, over time, and by stated confidence.</summary>
public static class AccuracyApi
{
    public const int MaxDays = 186;

    public static IEndpointRouteBuilder MapPlanAccuracy(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/field-plans/accuracy", GetAsync).RequireAuthorization(Policies.Sdr).WithTags("Field intel")
            .WithName("FieldPlanAccuracy")
            .WithSummary("How accurate past field plans were (per RSM, per month, calibration)")
            .WithDescription("Compares each plan that ended in [from, to] (default: the 12 weeks before today; at most 186 days) with the located in-person items on the RSM's calendar those days.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        return routes;
    }

    /// <param name="from">First day, "2026-09-01" (default: 12 weeks ago).</param>
    /// <param name="to">Last day (default: yesterday, UTC); days after yesterday have not happened yet and are refused.</param>
    /// <param name="rsm">Only this RSM (e-mail).</param>
    public static async Task<Results<Ok<AccuracyResponse>, ValidationProblem>> GetAsync(
        string? from, string? to, string? rsm, HandoffDbContext db, IOrgDirectory directory, FieldCalendars calendars, TravelOptions travel, IClock clock, CancellationToken ct)
    {
        var yesterday = clock.GetCurrentInstant().InUtc().Date.PlusDays(-1);
        if (!FieldCalendars.TryReadRange(from, to, yesterday.PlusWeeks(-12).PlusDays(1), yesterday, MaxDays, out var dates, out var problem))
        {
            return problem!;
        }
        if (dates.End > yesterday)
        {
            return Admin.Common.AdminProblems.Invalid("to", $"Accuracy is known for days that are over: 'to' must be {Dates.Format(yesterday)} or earlier.");
        }
        var org = await directory.GetSnapshotAsync(ct);
        var rsms = org.Rsms.Where(r => r.Active && (rsm is null || string.Equals(r.Email, rsm.Trim(), StringComparison.OrdinalIgnoreCase)))
            .OrderBy(r => r.Email, StringComparer.OrdinalIgnoreCase).ToArray();
        if (rsm is not null && rsms.Length == 0)
        {
            return Admin.Common.AdminProblems.Invalid("rsm", $"No active RSM has the e-mail {rsm.Trim()}.");
        }
        var plans = await FieldCalendars.PlansAsync(db, dates, ct);
        var read = await calendars.ReadAsync(rsms, dates, ct);
        var report = PlanAccuracy.Evaluate(plans, read.Calendars, dates, travel.FieldPlanRadiusKm);
        return TypedResults.Ok(AccuracyResponse.Of(report, read.Unavailable));
    }
}
