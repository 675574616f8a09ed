using System.Security.Claims;
using FluentValidation;
using Handoff.Api.Admin.Common;
using Handoff.Api.Admin.HandoffSettings;
using Handoff.Api.Auth;
using Handoff.Api.Infrastructure;
using Handoff.Api.Leads.Routing;
using Handoff.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Handoff.Api.Leads;

/// <summary>
/// Lead context in: PUT /api/v1/leads/{email} and POST /api/v1/leads/import for marketing automation or the CRM
/// (role Handoff.Integration, or an admin). GET /api/v1/leads/context is what the pane shows the SDR.
/// </summary>
public static class LeadsApi
{
    private const string What = "lead";

    public static RouteGroupBuilder MapLeads(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/leads").WithTags("Leads")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/context", ContextAsync).RequireAuthorization(Policies.Sdr).WithName("GetLeadContext")
            .WithSummary("Lead context of an invite's attendees and the vertical's talking points, for the SDR's pane");
        group.MapGet("/{email}", GetAsync).RequireAuthorization(Policies.LeadWriter).WithName("GetLead").WithSummary("Get a lead (ETag = version)");
        group.MapPut("/{email}", UpsertAsync).RequireAuthorization(Policies.LeadWriter).WithName("UpsertLead")
            .WithSummary("Create or replace a lead's context (If-Match optional: when sent it must match)").ProducesValidationProblem();
        group.MapLeadImport();
        group.MapLeadRouting(); // POST /route: inbound leads routed in one round trip (Leads/Routing)
        return group;
    }

    public static async Task<Results<Ok<LeadResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(string email, HandoffDbContext db, HttpContext http, CancellationToken ct)
    {
        if (LeadEmail.Check(email) is { } invalid)
        {
            return invalid;
        }
        var key = LeadEntity.KeyOf(email);
        var lead = await db.Leads.AsNoTracking().FirstOrDefaultAsync(l => l.EmailKey == key, ct);
        if (lead is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "No such lead.", detail: $"No lead context is stored for {email}.");
        }
        http.SetETag(lead);
        return TypedResults.Ok(LeadResponse.From(lead));
    }

    public static async Task<Results<Ok<LeadResponse>, Created<LeadResponse>, ValidationProblem, ProblemHttpResult>> UpsertAsync(
        string email, LeadRequest? request, [FromHeader(Name = "If-Match")] string? ifMatch, IValidator<ParsedLead> validator,
        HandoffDbContext db, AdminWrites writes, HttpContext http, ClaimsPrincipal user, CancellationToken ct)
    {
        if (LeadEmail.Check(email) is { } invalid)
        {
            return invalid;
        }
        if (request is null)
        {
            return AdminProblems.Invalid("body", "A request body is required.");
        }
        var read = new FieldReader();
        var parsed = await request.ReadAsync(validator, read, ct);
        if (read.Failed)
        {
            return TypedResults.ValidationProblem(read.Errors);
        }
        var key = LeadEntity.KeyOf(email);
        var lead = await db.Leads.FirstOrDefaultAsync(l => l.EmailKey == key, ct);
        if (ifMatch is not null && (lead is null ? ifMatch != "*" && !Preconditions.Matches(ifMatch, 0) : !Preconditions.Matches(ifMatch, lead.Version)))
        {
            return AdminProblems.Stale(What, lead?.Version);
        }
        var created = LeadWriter.Apply(db, writes, Actor.From(user), ref lead, email, parsed.ToData(), "upsert");
        if (await LeadWriter.SaveAsync(db, ct) is { } failed)
        {
            return failed;
        }
        http.SetETag(lead);
        return created
            ? TypedResults.Created($"/api/v1/leads/{Uri.EscapeDataString(lead.EmailKey)}", LeadResponse.From(lead))
            : TypedResults.Ok(LeadResponse.From(lead));
    }

    /// <param name="email">Attendees of the invite (repeat the parameter); colleagues and RSMs simply have no lead.</param>
    /// <param name="vertical">The invite's vertical; otherwise the first lead's.</param>
    public static async Task<Results<Ok<LeadContextResponse>, ValidationProblem>> ContextAsync(
        [FromQuery(Name = "email")] string[]? email, string? vertical, HandoffDbContext db, HandoffSettingsCache settings, IClock clock, CancellationToken ct)
    {
        var keys = (email ?? []).Select(LeadEntity.KeyOf).Where(k => k.Length > 0).Distinct().ToArray();
        if (keys.Length > 50)
        {
            return AdminProblems.Invalid("email", "At most 50 e-mail addresses.");
        }
        var leads = keys.Length == 0 ? [] : await db.Leads.AsNoTracking().Where(l => keys.Contains(l.EmailKey)).ToListAsync(ct);
        var ordered = keys.Select(k => leads.FirstOrDefault(l => l.EmailKey == k)).OfType<LeadEntity>().ToArray();
        var snapshot = await settings.GetAsync(ct);
        var chosen = string.IsNullOrWhiteSpace(vertical) ? ordered.Select(l => l.Data.Vertical).FirstOrDefault(v => v is not null) : vertical.Trim().ToLowerInvariant();
        var now = clock.GetCurrentInstant();
        return TypedResults.Ok(new LeadContextResponse(
            ordered.Select(l => new LeadContextItem(l.Email, l.Data.Company, LeadSummary.Of(l.Data, now), l.Data.Score, l.Data.LifecycleStage, l.Data.Vertical,
                l.Data.Activities.Take(3).ToArray())).ToArray(),
            chosen, snapshot.PointsFor(chosen), snapshot.ProductMessaging,
            snapshot.Bar is { } bar ? new HandoffBarData(bar.MinLifecycleStage, bar.MinScore, bar.RequiredNotes) : null));
    }
}

/// <param name="Summary">"Came in from the 'Scrap yard security' webinar 2 days ago · score 72 · downloaded the access-control checklist".</param>
public sealed record LeadContextItem(string Email, string? Company, string Summary, int? Score, string? LifecycleStage, string? Vertical, IReadOnlyList<LeadActivityData> RecentActivities);

/// <param name="Bar">The handoff bar, so the pane can say which notes are required.</param>
public sealed record LeadContextResponse(IReadOnlyList<LeadContextItem> Leads, string? Vertical, IReadOnlyList<string> TalkingPoints, string? ProductMessaging, HandoffBarData? Bar);

internal static class LeadEmail
{
    public static ValidationProblem? Check(string email) =>
        email.Length is > 0 and <= 254 && email.Count(c => c == '@') == 1 && email.IndexOf('@') is > 0 && !email.EndsWith('@') && !email.Any(char.IsWhiteSpace)
            ? null
            : AdminProblems.Invalid("email", $"'{email}' is not a valid e-mail address.");
}

/// <summary>Creates or updates one lead in the unit of work, with its audit row; unchanged content writes nothing.</summary>
internal static class LeadWriter
{
    /// <returns>True when the lead is new.</returns>
    public static bool Apply(HandoffDbContext db, AdminWrites writes, Actor actor, [System.Diagnostics.CodeAnalysis.NotNull] ref LeadEntity? lead, string email, LeadData data, string action)
    {
        if (lead is null)
        {
            lead = new LeadEntity
            {
                Id = Guid.NewGuid(), Email = email.Trim(), EmailKey = LeadEntity.KeyOf(email), Data = data,
                Version = 1, CreatedAt = writes.Now, UpdatedAt = writes.Now,
            };
            db.Leads.Add(lead);
            writes.Audit.Created(db, actor, "lead", lead.Id, LeadResponse.From(lead), $"{action}-create");
            return true;
        }
        var before = LeadResponse.From(lead);
        lead.Data = data; // the e-mail is the key (compared ignoring case): its first spelling stays
        if (writes.Audit.Updated(db, actor, "lead", lead.Id, before, LeadResponse.From(lead), $"{action}-update"))
        {
            writes.Bump(lead);
        }
        return false;
    }

    /// <summary>Leads are not part of the org directory the check reads, so unlike admin writes no directory refresh follows.</summary>
    public static async Task<ProblemHttpResult?> SaveAsync(HandoffDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return AdminProblems.Stale("lead", null);
        }
        catch (DbUpdateException)
        {
            return AdminProblems.Conflict("The lead was written by someone else at the same moment.", "Another write for the same e-mail was saved at the same time. Retry.");
        }
    }
}
