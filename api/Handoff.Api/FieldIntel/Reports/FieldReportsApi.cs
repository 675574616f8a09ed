using System.Security.Claims;
using Handoff.Api.Admin.Common;
using Handoff.Api.Admin.FieldPlans;
using Handoff.Api.Auth;
using Handoff.Api.Infrastructure;
using Handoff.Scheduling.Places;
using Handoff.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Handoff.Api.FieldIntel.Reports;

/// <summary>/api/v1/field-reports: RSMs (their own trips), the integration role and admins report; SDRs and admins read.</summary>
public static class FieldReportsApi
{
    private const string What = "field report";
    private const string Resource = "field-report";

    /// <summary>A clock a few minutes fast on the phone should not refuse a trip that just ended.</summary>
    private static readonly Duration FutureSlack = Duration.FromMinutes(5);

    /// <summary>Faster than this over the great-circle distance is a typo, not a trip (airliners cruise below it).</summary>
    private const double FastestKmh = 1000;

    public static RouteGroupBuilder MapFieldReports(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/field-reports").WithTags("Field reports")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/", CreateAsync).RequireAuthorization(FieldIntelSetup.ReporterPolicy).WithName("ReportTrip")
            .WithSummary("Report a trip an RSM made (from, to, departed, arrived, note)").WithValidation<FieldReportRequest, ParsedFieldReport>();
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.Sdr).WithName("ListFieldReports").WithSummary("List reported trips (paged; filter by rsm, from, to)");
        group.MapDelete("/{id:guid}", DeleteAsync).RequireAuthorization(FieldIntelSetup.ReporterPolicy).WithName("DeleteFieldReport")
            .WithSummary("Delete a report (admins, the integration role, or the RSM who made the trip)");
        return group;
    }

    public static async Task<Results<Created<FieldReportResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        FieldReportRequest request, HttpContext http, HandoffDbContext db, AdminWrites writes, StoreFieldIntel intel, ClaimsPrincipal user, CancellationToken ct)
    {
        var key = RsmEntity.KeyOf(request.RsmEmail!);
        var rsm = await db.Rsms.FirstOrDefaultAsync(r => r.EmailKey == key, ct);
        if (rsm is null)
        {
            return AdminProblems.Invalid("rsmEmail", $"No RSM has the e-mail {request.RsmEmail!.Trim()}.");
        }
        if (!MayReportFor(user, rsm))
        {
            return Forbidden(rsm.Email);
        }
        // The times and places as the validation filter read them, once.
        var parsed = http.Parsed<ParsedFieldReport>();
        if (!writes.Places.TryResolve(parsed.From!, out var from, out var fromError))
        {
            return AdminProblems.Invalid("from.text", fromError);
        }
        if (!writes.Places.TryResolve(parsed.To!, out var to, out var toError))
        {
            return AdminProblems.Invalid("to.text", toError);
        }
        var (departed, arrived) = (parsed.Departed!.Value, parsed.Arrived!.Value);
        if (arrived > writes.Now + FutureSlack)
        {
            return AdminProblems.Invalid("arrived", "'arrived' is in the future: report a trip once it is over.");
        }
        if (writes.Now - departed > StoreFieldIntel.ReportHorizon)
        {
            return AdminProblems.Invalid("departed", "The trip is more than a year old: it no longer says much about the roads.");
        }
        var km = from.ToPlace().Point.DistanceKm(to.ToPlace().Point);
        if (km / (arrived - departed).TotalHours > FastestKmh)
        {
            return AdminProblems.Invalid("arrived", $"{Math.Round(km)} km in {Scheduling.Time.Formats.Span(arrived - departed)} is faster than any airliner: check the times and places.");
        }
        var report = new FieldReportEntity
        {
            Id = Guid.NewGuid(), RsmId = rsm.Id, Rsm = rsm, From = from, To = to, Departed = departed, Arrived = arrived,
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), ReportedBy = Actor.From(user).Name, CreatedAt = writes.Now,
        };
        db.FieldReports.Add(report);
        writes.Audit.Created(db, Actor.From(user), Resource, report.Id, FieldReportResponse.Of(report));
        if (await writes.SaveAsync(db, What, ct) is { } failed)
        {
            return failed;
        }
        await intel.RefreshAsync(ct);
        return TypedResults.Created($"/api/v1/field-reports/{report.Id}", FieldReportResponse.Of(report));
    }

    /// <param name="rsm">An RSM's e-mail or id.</param>
    /// <param name="from">Trips that departed on or after this date (UTC).</param>
    /// <param name="to">Trips that departed on or before this date (UTC).</param>
    public static async Task<Results<Ok<Paged<FieldReportResponse>>, ValidationProblem>> ListAsync(
        HandoffDbContext db, string? rsm, string? from, string? to, int? page, int? pageSize, CancellationToken ct)
    {
        if (!Paging.TryRead(page, pageSize, out var paging, out var problem))
        {
            return problem!;
        }
        var query = db.FieldReports.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(rsm))
        {
            var key = RsmEntity.KeyOf(rsm);
            var id = Guid.TryParse(rsm, out var g) ? g : Guid.Empty;
            query = query.Where(r => r.RsmId == id || r.Rsm!.EmailKey == key);
        }
        if (from is not null)
        {
            if (!Dates.TryParse(from, out var f)) { return AdminProblems.Invalid("from", $"'{from}' is not a date such as 2026-12-07."); }
            var start = f.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
            query = query.Where(r => r.Departed >= start);
        }
        if (to is not null)
        {
            if (!Dates.TryParse(to, out var t)) { return AdminProblems.Invalid("to", $"'{to}' is not a date such as 2026-12-07."); }
            var end = t.PlusDays(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
            query = query.Where(r => r.Departed < end);
        }
        var total = await query.CountAsync(ct);
        var items = await query.Include(r => r.Rsm).OrderByDescending(r => r.Departed).ThenBy(r => r.Id).PageOf(paging).ToListAsync(ct);
        return TypedResults.Ok(new Paged<FieldReportResponse>(items.Select(FieldReportResponse.Of).ToArray(), paging.Page, paging.Size, total));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, HandoffDbContext db, AdminWrites writes, StoreFieldIntel intel, ClaimsPrincipal user, CancellationToken ct)
    {
        var report = await db.FieldReports.Include(r => r.Rsm).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return AdminProblems.NotFound(What, id);
        }
        if (!MayReportFor(user, report.Rsm!))
        {
            return Forbidden(report.Rsm!.Email);
        }
        writes.Audit.Deleted(db, Actor.From(user), Resource, id, FieldReportResponse.Of(report));
        db.FieldReports.Remove(report);
        if (await writes.SaveAsync(db, What, ct) is { } failed)
        {
            return failed;
        }
        await intel.RefreshAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>Admins and the integration role report for anyone; an RSM only for the mailbox they signed in with.</summary>
    public static bool MayReportFor(ClaimsPrincipal user, RsmEntity rsm)
    {
        if (user.IsInRole(Roles.Admin) || user.IsInRole(FieldIntelSetup.IntegrationRole))
        {
            return true;
        }
        var mailbox = user.FindFirstValue("preferred_username") ?? user.FindFirstValue("email") ?? user.FindFirstValue("upn") ?? user.FindFirstValue(ClaimTypes.Email);
        return mailbox is not null && RsmEntity.KeyOf(mailbox) == rsm.EmailKey;
    }

    private static ProblemHttpResult Forbidden(string email) => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
        title: "Only the RSM who travelled can report this trip.",
        detail: $"You are signed in as someone other than {email}. RSMs report their own trips; the integration role and admins report for anyone.");
}
