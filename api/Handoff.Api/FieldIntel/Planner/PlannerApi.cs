using Handoff.Api.Auth;
using Handoff.Scheduling.Field;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Travel;
using Handoff.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Handoff.Api.FieldIntel.Planner;

/// <summary>GET /api/v1/planner (where the RSMs will be, by week and place; CSV too) and /api/v1/planner/trips (down the street).</summary>
public static class PlannerApi
{
    public const int MaxDays = 92;

    public static RouteGroupBuilder MapPlanner(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/planner").WithTags("Field intel").RequireAuthorization(Policies.Sdr)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/", GetAsync).WithName("Planner")
            .WithSummary("Where the RSMs will be, week by week and place by place (format=csv for a spreadsheet)")
            .WithDescription("Field plans with confidence and booked in-person meetings, grouped into places (within the field-plan radius), with each RSM's open in-person hours there and the territories covered. Default: today and the next 4 weeks; at most 92 days.")
            .Produces<PlannerResponse>(contentType: "application/json").Produces<string>(contentType: "text/csv");
        group.MapGet("/trips", TripsAsync).WithName("DownTheStreet")
            .WithSummary("An RSM's booked in-person meetings with the open slots before and after, and the territories and accounts within radiusKm");
        return group;
    }

    /// <param name="from">First day (default today, UTC).</param>
    /// <param name="to">Last day (default four weeks on).</param>
    /// <param name="format">json (default) or csv.</param>
    public static async Task<Results<Ok<PlannerResponse>, ContentHttpResult, ValidationProblem>> GetAsync(
        string? from, string? to, string? format, HandoffDbContext db, IOrgDirectory directory, FieldCalendars calendars, TravelOptions travel, IClock clock, CancellationToken ct)
    {
        var today = clock.GetCurrentInstant().InUtc().Date;
        if (!FieldCalendars.TryReadRange(from, to, today, today.PlusWeeks(4).PlusDays(-1), MaxDays, out var dates, out var problem))
        {
            return problem!;
        }
        if (format is not null && format is not ("json" or "csv"))
        {
            return Admin.Common.AdminProblems.Invalid("format", $"'{format}' is not a format: use json or csv.");
        }
        var org = await directory.GetSnapshotAsync(ct);
        var rsms = org.Rsms.Where(r => r.Active).OrderBy(r => r.Email, StringComparer.OrdinalIgnoreCase).ToArray();
        var read = await calendars.ReadAsync(rsms, dates, ct);
        var plans = await FieldCalendars.PlansAsync(db, dates, ct);
        var response = PlannerResponse.Of(FieldPresence.Build(plans, read.Calendars, dates, org, travel.FieldPlanRadiusKm), read.Unavailable);
        return format == "csv"
            ? TypedResults.Text(response.ToCsv(), "text/csv; charset=utf-8")
            : TypedResults.Ok(response);
    }

    /// <param name="rsm">The RSM's e-mail.</param>
    /// <param name="radiusKm">How far "down the street" reaches, 1–200 km (default: Handoff:Travel:NearbyKm).</param>
    public static async Task<Results<Ok<TripsResponse>, ValidationProblem>> TripsAsync(
        string? rsm, string? from, string? to, double? radiusKm, IOrgDirectory directory, FieldCalendars calendars, IFieldIntelSource intel,
        TravelOptions travel, IClock clock, CancellationToken ct)
    {
        var org = await directory.GetSnapshotAsync(ct);
        if (string.IsNullOrWhiteSpace(rsm) || org.FindRsm(rsm) is not { Active: true } profile)
        {
            return Admin.Common.AdminProblems.Invalid("rsm", string.IsNullOrWhiteSpace(rsm) ? "'rsm' is required: the RSM's e-mail." : $"No active RSM has the e-mail {rsm.Trim()}.");
        }
        if (radiusKm is { } r && (!double.IsFinite(r) || r < 1 || r > 200))
        {
            return Admin.Common.AdminProblems.Invalid("radiusKm", "'radiusKm' must be between 1 and 200.");
        }
        var today = clock.GetCurrentInstant().InUtc().Date;
        if (!FieldCalendars.TryReadRange(from, to, today, today.PlusWeeks(2).PlusDays(-1), MaxDays, out var dates, out var problem))
        {
            return problem!;
        }
        var others = org.Rsms.Where(x => x.Active).ToArray();
        var read = await calendars.ReadAsync(others, dates, ct);
        if (read.Calendars.FirstOrDefault(c => string.Equals(c.Rsm.Email, profile.Email, StringComparison.OrdinalIgnoreCase)) is not { } calendar)
        {
            return TypedResults.Ok(new TripsResponse(profile.Email, profile.DisplayName, radiusKm ?? travel.NearbyKm, [],
                read.Unavailable.Where(u => string.Equals(u.Email, profile.Email, StringComparison.OrdinalIgnoreCase)).Select(u => u.Reason).FirstOrDefault()));
        }
        var known = read.Calendars.SelectMany(c => dates.SelectMany(c.LocatedStopsOn)).Select(s => s.Place!)
            .Concat(intel.Current.Trips.SelectMany(t => new[] { t.From, t.To }))
            .Concat(org.Rsms.Select(x => x.HomeBase).OfType<Place>());
        var views = DownTheStreet.For(calendar, dates, org, known, radiusKm ?? travel.NearbyKm, travel);
        return TypedResults.Ok(TripsResponse.From(profile, calendar.Zone, radiusKm ?? travel.NearbyKm, views));
    }
}
