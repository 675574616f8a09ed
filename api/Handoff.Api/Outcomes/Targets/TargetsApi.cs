using System.Security.Claims;
using FluentValidation;
using Handoff.Api.Admin.Common;
using Handoff.Api.Auth;
using Handoff.Api.Infrastructure;
using Handoff.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;

namespace Handoff.Api.Outcomes.Targets;

/// <summary>A monthly target.</summary>
/// <param name="Month">YYYY-MM (months in the org's zone, Outcomes:TimeZone).</param>
/// <param name="Scope">sdr, team or territory.</param>
/// <param name="Subject">The SDR's e-mail, the team's name, or the territory's name.</param>
/// <param name="Members">For a team: its SDRs' e-mails (1–200).</param>
/// <param name="Handoffs">Meetings to book in the month (0–100,000).</param>
/// <param name="Held">Optional: meetings to have held.</param>
public sealed record TargetRequest(string? Month, string? Scope, string? Subject, IReadOnlyList<string>? Members, int? Handoffs, int? Held = null)
{
    public LocalDate MonthStart => YearMonthPattern.Iso.Parse(Month!).Value.OnDayOfMonth(1);

    public TargetScope ScopeValue => Enum.Parse<TargetScope>(Scope!, ignoreCase: true);
}

public sealed class TargetRequestValidator : AbstractValidator<TargetRequest>
{
    public TargetRequestValidator()
    {
        RuleFor(r => r.Month).Must(m => m is not null && YearMonthPattern.Iso.Parse(m).Success).WithMessage(r => $"'month' must be YYYY-MM (it is '{r.Month}').");
        RuleFor(r => r.Scope).Must(s => s is "sdr" or "team" or "territory").WithMessage(r => $"'scope' must be sdr, team or territory (it is '{r.Scope}').");
        RuleFor(r => r.Subject).NotEmpty().MaximumLength(254).MustBeCleanText();
        RuleFor(r => r.Subject).EmailAddress().WithMessage("An SDR target's 'subject' is the SDR's e-mail.").When(r => r.Scope == "sdr");
        RuleFor(r => r.Members).NotEmpty().WithMessage("A team target needs 'members': its SDRs' e-mails.").When(r => r.Scope == "team");
        RuleFor(r => r.Members).Must(m => m is null || m.Count == 0).WithMessage("'members' only goes with scope team.").When(r => r.Scope != "team");
        RuleFor(r => r.Members).Must(m => m!.Count <= 200).WithMessage("At most 200 members.").When(r => r.Members is not null);
        RuleForEach(r => r.Members).EmailAddress().WithMessage("'{PropertyValue}' is not a valid e-mail address.");
        RuleFor(r => r.Handoffs).NotNull().InclusiveBetween(0, 100_000);
        RuleFor(r => r.Held).InclusiveBetween(0, 100_000).When(r => r.Held is not null);
    }
}

public sealed record TargetResponse(Guid Id, string Month, string Scope, string Subject, IReadOnlyList<string> Members, int Handoffs, int? Held, int Version)
{
    public static TargetResponse From(HandoffTargetEntity t) => new(t.Id, t.Month.ToString("yyyy-MM", null), t.Scope.ToString().ToLowerInvariant(), t.Subject,
        Codes.Split(t.Members), t.Handoffs, t.Held, t.Version);
}

/// <summary>/api/v1/admin/targets: monthly targets per SDR, team and territory (admins); progress is in the handoff report.</summary>
public static class TargetsApi
{
    public const string What = "handoff-target";

    /// <summary>The month after <paramref name="now"/>'s (UTC), as YYYY-MM: the OpenAPI example's month.</summary>
    public static string NextMonth(Instant now) => now.InUtc().Date.PlusMonths(1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public static RouteGroupBuilder MapTargets(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/admin/targets").WithTags("Targets").RequireAuthorization(Policies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPut("/", PutAsync).WithName("PutTarget").WithSummary("Create or replace the target of a month, scope and subject (audited)")
            .WithValidation<TargetRequest>();
        group.MapGet("/", ListAsync).WithName("ListTargets").WithSummary("Targets, optionally of one month (YYYY-MM)").ProducesValidationProblem();
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteTarget").WithSummary("Delete a target (audited)").ProducesProblem(404);
        return group;
    }

    public static async Task<Results<Ok<TargetResponse>, Created<TargetResponse>, ValidationProblem>> PutAsync(
        TargetRequest request, HandoffDbContext db, AuditLog audit, ClaimsPrincipal user, CancellationToken ct)
    {
        var month = request.MonthStart;
        var scope = request.ScopeValue;
        var key = request.Subject!.Trim().ToLowerInvariant();
        var existing = await db.HandoffTargets.FirstOrDefaultAsync(t => t.Month == month && t.Scope == scope && t.SubjectKey == key, ct);
        var now = audit.Now;
        var entity = existing ?? new HandoffTargetEntity { Id = Guid.NewGuid(), Month = month, Scope = scope, SubjectKey = key, CreatedAt = now };
        var before = existing is null ? null : TargetResponse.From(existing);
        entity.Subject = request.Subject.Trim();
        entity.Members = Codes.Join((request.Members ?? []).Select(m => m.Trim().ToLowerInvariant()));
        entity.Handoffs = request.Handoffs!.Value;
        entity.Held = request.Held;
        var actor = Actor.From(user);
        if (existing is null)
        {
            entity.Version = 1;
            entity.UpdatedAt = now;
            db.HandoffTargets.Add(entity);
            audit.Created(db, actor, What, entity.Id, TargetResponse.From(entity));
        }
        else if (audit.Updated(db, actor, What, entity.Id, before!, TargetResponse.From(entity)))
        {
            entity.Version++;
            entity.UpdatedAt = now;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return AdminProblems.Invalid("subject", "Another admin saved this target at the same moment: read it and try again.");
        }
        return existing is null ? TypedResults.Created("/api/v1/admin/targets", TargetResponse.From(entity)) : TypedResults.Ok(TargetResponse.From(entity));
    }

    public static async Task<Results<Ok<TargetResponse[]>, ValidationProblem>> ListAsync(string? month, HandoffDbContext db, CancellationToken ct)
    {
        var query = db.HandoffTargets.AsNoTracking();
        if (month is not null)
        {
            var parsed = YearMonthPattern.Iso.Parse(month);
            if (!parsed.Success)
            {
                return AdminProblems.Invalid("month", $"'month' must be YYYY-MM (it is '{month}').");
            }
            var first = parsed.Value.OnDayOfMonth(1);
            query = query.Where(t => t.Month == first);
        }
        var rows = await query.OrderBy(t => t.Month).ThenBy(t => t.SubjectKey).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(TargetResponse.From).ToArray());
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, HandoffDbContext db, AuditLog audit, ClaimsPrincipal user, CancellationToken ct)
    {
        var target = await db.HandoffTargets.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (target is null)
        {
            return AdminProblems.NotFound("target", id);
        }
        db.HandoffTargets.Remove(target);
        audit.Deleted(db, Actor.From(user), What, id, TargetResponse.From(target));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
