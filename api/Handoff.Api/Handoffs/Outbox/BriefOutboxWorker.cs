using Handoff.Scheduling.Handoffs;
using Handoff.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Handoff.Api.Handoffs.Outbox;

/// <summary>
/// Sends queued briefs through <see cref="IBriefMailer"/>. A row is claimed by bumping its concurrency stamp with a
/// lease, so several instances never send one row at once, and a row whose sender died (lease expired) is taken
/// again. Transient failures back off exponentially; a permanent one, or the last attempt, marks it failed.
/// Without a mailer (the embedded default) the worker does nothing and the briefs stay readable in the outbox.
/// </summary>
public sealed partial class BriefOutboxWorker(
    IServiceScopeFactory scopes, IServiceProvider services, IClock clock, IOptions<BriefOutboxOptions> options, ILogger<BriefOutboxWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (services.GetService<IBriefMailer>() is not { } mailer)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                handled = await RunOnceAsync(mailer, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogLoopFailed(logger, e);
            }
            if (handled == 0)
            {
                try
                {
                    await Task.Delay(options.Value.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One pass over the due rows; the number it tried to send.</summary>
    public async Task<int> RunOnceAsync(IBriefMailer mailer, CancellationToken ct)
    {
        var o = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var now = clock.GetCurrentInstant();
        var due = await db.BriefDeliveries
            .Where(d => (d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now) || (d.Status == DeliveryStatus.Sending && d.LockedUntil < now))
            .OrderBy(d => d.CreatedAt).Take(o.BatchSize).ToListAsync(ct);
        var tried = 0;
        foreach (var row in due)
        {
            if (!await ClaimAsync(db, row, now + Duration.FromTimeSpan(o.Lease), ct))
            {
                continue;
            }
            tried++;
            var outcome = await SendAsync(mailer, row, ct);
            Settle(row, outcome, clock.GetCurrentInstant(), o);
            row.Stamp++;
            await db.SaveChangesAsync(ct);
        }
        return tried;
    }

    private static async Task<bool> ClaimAsync(HandoffDbContext db, BriefDeliveryEntity row, Instant leaseEnd, CancellationToken ct)
    {
        row.Status = DeliveryStatus.Sending;
        row.LockedUntil = leaseEnd;
        row.Stamp++;
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.Entry(row).State = EntityState.Detached; // another worker has it
            return false;
        }
    }

    private async Task<MailOutcome> SendAsync(IBriefMailer mailer, BriefDeliveryEntity row, CancellationToken ct)
    {
        try
        {
            var mail = new BriefMail(row.Id, row.To.Split(';', StringSplitOptions.RemoveEmptyEntries), row.SenderHint, row.Subject, row.BodyHtml);
            return await mailer.SendAsync(mail, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogSendThrew(logger, row.HandoffKey, row.HandoffVersion, e);
            return MailOutcome.Transient(e.Message);
        }
    }

    internal static void Settle(BriefDeliveryEntity row, MailOutcome outcome, Instant now, BriefOutboxOptions o)
    {
        row.Attempts++;
        row.LockedUntil = null;
        switch (outcome)
        {
            case SentOutcome:
                row.Status = DeliveryStatus.Sent;
                row.SentAt = now;
                row.LastError = null;
                break;
            case PermanentFailure permanent:
                row.Status = DeliveryStatus.Failed;
                // On a first attempt an earlier error can only be the recorder's (the SDR's mail session did not start): say both.
                row.LastError = Clip(row.Attempts == 1 && row.LastError is { } atRecord ? $"{permanent.Error} {atRecord}" : permanent.Error);
                break;
            case TransientFailure transient when row.Attempts >= o.MaxAttempts:
                row.Status = DeliveryStatus.Failed;
                row.LastError = Clip($"Gave up after {row.Attempts} attempts: {transient.Error}");
                break;
            case TransientFailure transient:
                row.Status = DeliveryStatus.Pending;
                row.LastError = Clip(transient.Error);
                row.NextAttemptAt = now + Duration.FromTimeSpan(Backoff(row.Attempts, o));
                break;
        }
    }

    /// <summary>FirstRetryDelay × 2^(attempts − 1), capped at MaxRetryDelay.</summary>
    internal static TimeSpan Backoff(int attempts, BriefOutboxOptions o)
    {
        var factor = Math.Pow(2, Math.Min(attempts - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(o.FirstRetryDelay.Ticks * factor, o.MaxRetryDelay.Ticks));
        return delay;
    }

    private static string Clip(string text) => text.Length <= 2000 ? text : text[..2000];

    [LoggerMessage(Level = LogLevel.Error, Message = "The brief outbox pass failed; retrying after the poll interval.")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending the brief of handoff {Key} v{Version} threw; it will be retried.")]
    private static partial void LogSendThrew(ILogger logger, string key, int version, Exception exception);
}
