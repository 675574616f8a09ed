using Handoff.Api.Admin.Common;
using Handoff.Api.Admin.HandoffSettings;
using Handoff.Api.Graph.OnBehalfOf;
using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Travel;
using Handoff.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Handoff.Api.Handoffs;

/// <summary>
/// PUT /api/v1/handoffs/{key}: checks the invite again, stores the snapshot and queues the RSM's brief in the same
/// transaction. The same key with the same content changes nothing (the send handler and the pane action may both
/// record one send); a changed re-send needs If-Match and becomes the next version with its own "Updated:" brief.
/// </summary>
public sealed class HandoffRecorder(
    HandoffDbContext db, MeetingCheckService checks, HandoffGate gate, HandoffSettingsCache settings, TripEstimator travel,
    AuditLog audit, IClock clock, BriefLinks links, IBriefMailSessionStarter mailSessions, Outcomes.OutcomeLinks outcomeLinks)
{
    public const string What = "handoff";

    public sealed record Outcome(HandoffEntity? Record, bool Created, ProblemHttpResult? Problem);

    /// <param name="parsed"><paramref name="request"/> as the validation filter read it (instants, zones, addresses).</param>
    public async Task<Outcome> RecordAsync(string key, HandoffRequest request, ParsedHandoff parsed, string? ifMatch, Caller sdr, CancellationToken ct)
    {
        var hash = request.ContentHash(parsed);
        var existing = await db.Handoffs.FirstOrDefaultAsync(h => h.Key == key, ct);
        if (Precheck(existing, hash, ifMatch, sdr) is { } early)
        {
            return early;
        }
        var now = clock.GetCurrentInstant();
        var result = await gate.ApplyAsync(await checks.CheckAsync(parsed.ToMeetingRequest(), ct), parsed.Notes, ct);
        var leads = await gate.LeadsAsync(result.Draft.Prospect.Emails, ct);
        var record = RecordBuilder.Build(request, result, sdr, leads, await settings.GetAsync(ct), travel);

        var entity = existing ?? new HandoffEntity { Id = Guid.NewGuid(), Key = key, SdrKey = sdr.Key, Version = 0, CreatedAt = now };
        var before = existing is null ? null : HandoffResponse.From(existing, null);
        // "With Alex instead": the RSMs the previous version went to who are no longer on the invite.
        var replaced = existing?.Record.Rsms.Where(old => !record.Rsms.Any(r => string.Equals(r.Email, old.Email, StringComparison.OrdinalIgnoreCase))).ToArray();
        entity.Version++;
        entity.UpdatedAt = now;
        entity.ContentHash = hash;
        entity.Record = record;
        entity.RsmKeys = record.Rsms.Count == 0 ? "" : "|" + string.Join('|', record.Rsms.Select(r => r.Email.ToLowerInvariant())) + "|";
        entity.Territory = result.Draft.Territory?.Territory?.Name;
        entity.Start = result.Draft.Meeting.Start;
        Outcomes.ReportColumns.Fill(entity, record, result.Draft);
        entity.End = result.Draft.Meeting.End;
        var actor = new Actor(sdr.Name, sdr.Email ?? sdr.Key);
        if (existing is null)
        {
            db.Handoffs.Add(entity);
            audit.Created(db, actor, What, entity.Id, HandoffResponse.From(entity, null), $"record-{record.RecordedFrom}");
        }
        else
        {
            audit.Updated(db, actor, What, entity.Id, before!, HandoffResponse.From(entity, null), $"record-{record.RecordedFrom}");
        }
        if (record.Rsms.Count > 0)
        {
            var briefUrl = links.For(key);
            var outcomeUrls = briefUrl is null ? null : outcomeLinks.For(briefUrl, key, entity.Version, entity.End);
            var composed = BriefComposer.Compose(record, key, isUpdate: entity.Version > 1, now, briefUrl, outcomeUrls, replaced);
            // Mail as the SDR needs their session started now, while their token is here (before the row is visible to a worker).
            var sessionProblem = record.SdrEmail is { } sdrEmail ? await mailSessions.StartAsync(sdrEmail, ct) : null;
            db.BriefDeliveries.Add(new BriefDeliveryEntity
            {
                LastError = sessionProblem is null ? null : $"The mail session as the SDR did not start when the handoff was recorded: {sessionProblem}",
                Id = Guid.NewGuid(), HandoffId = entity.Id, HandoffKey = key, HandoffVersion = entity.Version, Status = DeliveryStatus.Pending,
                To = string.Join(';', record.Rsms.Select(r => r.Email)), SenderHint = record.SdrEmail,
                Subject = composed.Subject.Length > 400 ? composed.Subject[..400] : composed.Subject,
                BodyHtml = composed.Html, BodyText = composed.Text, NextAttemptAt = now, CreatedAt = now,
            });
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Lost a race: another send of this key was stored first. Same content is the idempotent case; else it's stale.
            db.ChangeTracker.Clear();
            var winner = await db.Handoffs.AsNoTracking().FirstOrDefaultAsync(h => h.Key == key, ct);
            return winner is not null && winner.ContentHash == hash
                ? new Outcome(winner, false, null)
                : new Outcome(null, false, AdminProblems.Stale(What, winner?.Version));
        }
        return new Outcome(entity, existing is null, null);
    }

    private static Outcome? Precheck(HandoffEntity? existing, string hash, string? ifMatch, Caller sdr)
    {
        if (existing is null)
        {
            // If-Match names a version of something that must exist (RFC 9110 §13.1.1).
            return ifMatch is null ? null : new Outcome(null, false, AdminProblems.Stale(What, null));
        }
        if (!sdr.IsAdmin && existing.SdrKey != sdr.Key)
        {
            return new Outcome(null, false, TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Another SDR's handoff.",
                detail: "This handoff key was recorded by another SDR; only they (or an admin) can update it."));
        }
        if (existing.ContentHash == hash && (ifMatch is null || Preconditions.Matches(ifMatch, existing.Version)))
        {
            return new Outcome(existing, false, null);
        }
        if (ifMatch is null)
        {
            return new Outcome(null, false, AdminProblems.PreconditionRequired(What));
        }
        return Preconditions.Matches(ifMatch, existing.Version) ? null : new Outcome(null, false, AdminProblems.Stale(What, existing.Version));
    }
}

/// <summary>Where the brief page of a handoff lives: AddIn:PublicOrigin, else the origin of the request that recorded it.</summary>
public sealed class BriefLinks(IConfiguration config, IHttpContextAccessor http)
{
    public string? For(string key)
    {
        var origin = config["AddIn:PublicOrigin"] is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : http.HttpContext?.Request is { } r ? $"{r.Scheme}://{r.Host}" : null;
        return origin is null ? null : $"{origin}/handoffs/{Uri.EscapeDataString(key)}";
    }
}
