using Handoff.Storage;
using Microsoft.EntityFrameworkCore;

namespace Handoff.Api.Outcomes.CheckLog;

/// <summary>
/// Stores queued checks in batches (up to <see cref="BatchSize"/> per save, one query for the batch's keys): one row
/// per handoff key with the first and the latest answer, every code ever raised, and how often the answer changed.
/// </summary>
public sealed class CheckLogWriter(CheckLogQueue queue, IServiceScopeFactory scopes, ILogger<CheckLogWriter> log) : BackgroundService
{
    public const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<CheckLogEntry>(BatchSize);
        while (await queue.Reader.WaitToReadAsync(stoppingToken))
        {
            while (batch.Count < BatchSize && queue.Reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await WriteAsync(scope.ServiceProvider.GetRequiredService<HandoffDbContext>(), batch, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Could not store {Count} draft checks; the report will miss them.", batch.Count);
            }
            batch.Clear();
        }
    }

    /// <summary>Applies <paramref name="entries"/> in order; a key another instance created meanwhile is re-read once.</summary>
    public static async Task WriteAsync(HandoffDbContext db, IReadOnlyList<CheckLogEntry> entries, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var keys = entries.Select(e => e.HandoffKey).Distinct().ToArray();
            var rows = await db.DraftCheckLogs.Where(c => keys.Contains(c.HandoffKey)).ToDictionaryAsync(c => c.HandoffKey, ct);
            foreach (var entry in entries)
            {
                if (!rows.TryGetValue(entry.HandoffKey, out var row))
                {
                    row = new DraftCheckLogEntity
                    {
                        Id = Guid.NewGuid(), HandoffKey = entry.HandoffKey, SdrKey = entry.SdrKey, FirstAt = entry.At, FirstVerdict = entry.Verdict,
                        FirstCodes = entry.Codes, LastVerdict = entry.Verdict, LastCodes = entry.Codes, LastAt = entry.At, SeenCodes = entry.Codes,
                    };
                    rows[entry.HandoffKey] = row;
                    db.DraftCheckLogs.Add(row);
                }
                else if (row.LastVerdict != entry.Verdict || row.LastCodes != entry.Codes)
                {
                    row.Changes++;
                }
                row.Checks++;
                row.LastAt = entry.At;
                row.LastVerdict = entry.Verdict;
                row.LastCodes = entry.Codes;
                row.SeenCodes = Codes.Join(Codes.Split(row.SeenCodes).Concat(Codes.Split(entry.Codes)));
            }
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
