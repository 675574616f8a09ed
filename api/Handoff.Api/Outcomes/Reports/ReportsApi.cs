using System.Globalization;
using System.Security.Claims;
using Handoff.Api.Auth;
using Handoff.Api.Handoffs;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;

namespace Handoff.Api.Outcomes.Reports;

/// <summary>GET /api/v1/reports/handoffs (JSON) and /api/v1/reports/handoffs/csv?table=… (every table as CSV).</summary>
public static class ReportsApi
{
    public const int MaxDays = 400;

    public static RouteGroupBuilder MapHandoffReports(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/reports").WithTags("Reports").RequireAuthorization(OutcomePolicies.ReportReader)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/handoffs", GetAsync).WithName("HandoffReport")
            .WithSummary("Booked, held and no-show rates, speed to lead, slips prevented, distribution (from/to: dates in the org's zone, inclusive)")
            .ProducesValidationProblem();
        group.MapGet("/handoffs/csv", CsvAsync).WithName("HandoffReportCsv")
            .WithSummary($"One table of the report as CSV: table = {string.Join(", ", ReportCsv.Tables)}")
            .Produces<string>(200, "text/csv").ProducesValidationProblem();
        return group;
    }

    /// <param name="from">First day (YYYY-MM-DD, org's zone); default: the Monday seven weeks before <paramref name="to"/>'s week.</param>
    /// <param name="to">Last day, inclusive; default: today.</param>
    /// <param name="groupBy">sdr, rsm, territory, vertical or week (default week).</param>
    public static async Task<Results<Ok<HandoffReport>, ValidationProblem>> GetAsync(
        string? from, string? to, string? groupBy, HandoffReportService reports, ReportFairShares fairShares, IClock clock, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!TryRead(from, to, groupBy, reports.Options, clock, out var range, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }
        return TypedResults.Ok(await BuildAsync(range, reports, fairShares, ReaderOf(user), ct));
    }

    private static async Task<HandoffReport> BuildAsync(Range range, HandoffReportService reports, ReportFairShares fairShares, ReportReader reader, CancellationToken ct) =>
        await reports.BuildAsync(range.From, range.To, range.GroupBy, reader, ct) with { FairShares = await fairShares.ForAsync(range.From, range.To, reader, ct) };

    public static async Task<Results<ContentHttpResult, ValidationProblem>> CsvAsync(
        string? table, string? from, string? to, string? groupBy, HandoffReportService reports, ReportFairShares fairShares, IClock clock, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!TryRead(from, to, groupBy, reports.Options, clock, out var range, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (table is null || !ReportCsv.Tables.Contains(table))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["table"] = [$"'table' must be one of {string.Join(", ", ReportCsv.Tables)} (it is '{table}')."] });
        }
        // Only the fair-share table needs the pools' standings (a store query and a calendar read per territory and period).
        var report = table == "fairShares"
            ? await BuildAsync(range, reports, fairShares, ReaderOf(user), ct)
            : await reports.BuildAsync(range.From, range.To, range.GroupBy, ReaderOf(user), ct);
        return TypedResults.Content(ReportCsv.Write(report, table), "text/csv; charset=utf-8");
    }

    public static ReportReader ReaderOf(ClaimsPrincipal user)
    {
        var caller = Caller.From(user);
        return new ReportReader(caller, caller.IsAdmin || user.IsInRole(Roles.Manager));
    }

    public sealed record Range(LocalDate From, LocalDate To, ReportGroupBy GroupBy);

    public static bool TryRead(string? from, string? to, string? groupBy, OutcomeOptions options, IClock clock, out Range range, out Dictionary<string, string[]> errors)
    {
        var problems = new Dictionary<string, string[]>();
        var today = clock.GetCurrentInstant().InZone(options.Zone).Date;
        LocalDate? Date(string name, string? text)
        {
            if (text is null) { return null; }
            var parsed = LocalDatePattern.Iso.Parse(text);
            if (parsed.Success) { return parsed.Value; }
            problems[name] = [$"'{text}' is not a date (YYYY-MM-DD)."];
            return null;
        }
        var last = Date("to", to) ?? today;
        var first = Date("from", from) ?? last.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday)).PlusWeeks(-7);
        errors = problems;
        var by = ReportGroupBy.Week;
        if (groupBy is not null && !Enum.TryParse(groupBy, ignoreCase: true, out by) || !Enum.IsDefined(by))
        {
            errors["groupBy"] = [$"'groupBy' must be sdr, rsm, territory, vertical or week (it is '{groupBy}')."];
        }
        if (errors.Count == 0 && first > last)
        {
            errors["from"] = [$"'from' ({first:yyyy-MM-dd}) is after 'to' ({last:yyyy-MM-dd})."];
        }
        else if (errors.Count == 0 && Period.Between(first, last, PeriodUnits.Days).Days >= MaxDays)
        {
            errors["to"] = [$"A report covers at most {MaxDays} days: narrow 'from'–'to'."];
        }
        range = new Range(first, last, by);
        return errors.Count == 0;
    }
}
