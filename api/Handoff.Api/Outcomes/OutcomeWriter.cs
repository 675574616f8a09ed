using System.Security.Claims;
using Handoff.Api.Admin.Common;
using Handoff.Api.Auth;
using Handoff.Api.Handoffs;
using Handoff.Api.Infrastructure;
using Handoff.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Handoff.Api.Outcomes;

/// <summary>Who records outcomes: the handoff's SDR or one of its RSMs, an admin, or the CRM integration (any handoff).</summary>
public sealed record OutcomeCaller(Caller Caller, bool IsIntegration)
{
    public static OutcomeCaller From(ClaimsPrincipal user) => new(Caller.From(user), user.IsInRole(Roles.Integration));

    public bool SeesAll => Caller.IsAdmin || IsIntegration;

    public string Who => Caller.Email ?? Caller.Key;

    public IQueryable<HandoffEntity> Visible(IQueryable<HandoffEntity> query) => SeesAll ? query : HandoffsApi.Visible(query, Caller);
}

/// <summary>
/// Applies an outcome to a handoff: checks it against the meeting (nobody is a no-show before the meeting starts),
/// replaces the current outcome (the same outcome again changes nothing), and audits the change in the same unit of
/// work. The API, the brief's signed links and the import all come through here.
/// </summary>
public sealed class OutcomeWriter(HandoffDbContext db, AuditLog audit, IClock clock)
{
    public const string What = "handoff-outcome";

    /// <summary>The outcome after the write, whether it changed, or the field and message that refused it.</summary>
    public sealed record Applied(HandoffOutcomeEntity? Outcome, bool Created, bool Changed, string? Field = null, string? Error = null);

    /// <summary>Adds or updates (tracked, not saved) the outcome of <paramref name="handoff"/>.</summary>
    /// <param name="request">The outcome as read at the edge and validated (<see cref="OutcomeRequest.Parse"/>).</param>
    public Applied Apply(HandoffEntity handoff, HandoffOutcomeEntity? current, ParsedOutcome request, OutcomeCaller caller, string source, string? fieldPrefix = null)
    {
        var now = clock.GetCurrentInstant();
        var kind = request.Kind!.Value;
        // A meeting once rescheduled keeps its new time through later outcomes (held at the new time, …).
        var start = current?.NewStart ?? handoff.Start;
        string F(string field) => fieldPrefix is null ? field : $"{fieldPrefix}.{field}";
        if (kind is OutcomeKind.Held or OutcomeKind.NoShow or OutcomeKind.OpportunityCreated && start > now)
        {
            return new Applied(null, false, false, F("outcome"),
                $"The meeting starts at {Instants.Format(start)}: it cannot be recorded as {OutcomeRequest.NameOf(kind)} before it starts.");
        }
        Instant? newStart = current?.NewStart, newEnd = current?.NewEnd;
        if (kind == OutcomeKind.Rescheduled)
        {
            newStart = request.NewStart!.Value;
            newEnd = request.NewEnd ?? newStart + (handoff.End - handoff.Start);
            if (newStart <= now)
            {
                return new Applied(null, false, false, F("newStart"),
                    $"'newStart' ({Instants.Format(newStart.Value)}) is not in the future: record what happened at that time instead (held, noShow, …).");
            }
        }
        var next = new HandoffOutcomeEntity
        {
            Kind = kind, NewStart = newStart, NewEnd = newEnd, CanceledBy = request.CanceledBy?.Trim().ToLowerInvariant(),
            Amount = request.Amount, Currency = request.Currency, Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
        };
        if (current is not null && SameAs(current, next))
        {
            return new Applied(current, false, false);
        }
        var actor = new Actor(caller.Caller.Name, caller.Who);
        var entity = current ?? new HandoffOutcomeEntity { Id = Guid.NewGuid(), HandoffId = handoff.Id, HandoffKey = handoff.Key, CreatedAt = now };
        var before = current is null ? null : OutcomeResponse.From(current, now);
        entity.Kind = next.Kind;
        entity.NewStart = next.NewStart;
        entity.NewEnd = next.NewEnd;
        entity.CanceledBy = next.CanceledBy;
        entity.Amount = next.Amount;
        entity.Currency = next.Currency;
        entity.Note = next.Note;
        entity.RecordedBy = Clip(caller.Who, 254);
        entity.Source = source;
        entity.HandoffVersion = handoff.Version;
        entity.RecordedAt = now;
        entity.UpdatedAt = now;
        entity.Version++;
        if (current is null)
        {
            db.HandoffOutcomes.Add(entity);
            audit.Created(db, actor, What, entity.Id, OutcomeResponse.From(entity, now), $"outcome-{source}");
        }
        else
        {
            audit.Updated(db, actor, What, entity.Id, before!, OutcomeResponse.From(entity, now), $"outcome-{source}");
        }
        return new Applied(entity, current is null, true);
    }

    /// <summary>Applies and saves; a racing write of the same handoff's outcome is re-read and applied again once.</summary>
    public async Task<Applied> RecordAsync(HandoffEntity handoff, ParsedOutcome request, OutcomeCaller caller, string source, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await db.HandoffOutcomes.FirstOrDefaultAsync(o => o.HandoffId == handoff.Id, ct);
            var applied = Apply(handoff, current, request, caller, source);
            if (!applied.Changed)
            {
                return applied;
            }
            try
            {
                await db.SaveChangesAsync(ct);
                return applied;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another writer stored this handoff's first outcome (unique index) or bumped its version: read theirs and decide again.
                db.ChangeTracker.Clear();
            }
        }
    }

    private static bool SameAs(HandoffOutcomeEntity a, HandoffOutcomeEntity b) =>
        a.Kind == b.Kind && a.NewStart == b.NewStart && a.NewEnd == b.NewEnd && a.CanceledBy == b.CanceledBy && a.Amount == b.Amount
        && a.Currency == b.Currency && a.Note == b.Note;

    private static string Clip(string value, int max) => value.Length > max ? value[..max] : value;
}
