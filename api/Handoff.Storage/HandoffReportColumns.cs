using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Handoff.Storage;

/// <summary>
/// Keeps the handoff row's report copies (<see cref="HandoffEntity.Outcome"/> and its time and amount,
/// <see cref="HandoffEntity.CheckedCodes"/>) in step with the outcome and the draft check log, in the transaction that
/// writes them, whoever writes them (the API, the brief's links, the import, the check log writer, seeds, tests). The
/// report then reads one row per handoff instead of joining two tables for each of 100,000 rows.
/// </summary>
public abstract partial class HandoffDbContext
{
    private sealed record ReportColumnChanges(List<Guid> OutcomeHandoffs, List<string> CheckedKeys);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (PendingReportColumnChanges() is not { } changes)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        using var own = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        if (changes.OutcomeHandoffs.Count > 0)
        {
            OutcomeCopies(changes.OutcomeHandoffs).ExecuteUpdate(SetOutcome);
        }
        if (changes.CheckedKeys.Count > 0)
        {
            CheckedCopies(changes.CheckedKeys).ExecuteUpdate(SetChecked);
        }
        own?.Commit();
        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (PendingReportColumnChanges() is not { } changes)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        await using var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (changes.OutcomeHandoffs.Count > 0)
        {
            await OutcomeCopies(changes.OutcomeHandoffs).ExecuteUpdateAsync(SetOutcome, cancellationToken);
        }
        if (changes.CheckedKeys.Count > 0)
        {
            await CheckedCopies(changes.CheckedKeys).ExecuteUpdateAsync(SetChecked, cancellationToken);
        }
        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }
        return saved;
    }

    /// <summary>Handoffs whose outcome is written, and keys whose check log is written or whose handoff is new (it may have been checked before it was sent).</summary>
    private ReportColumnChanges? PendingReportColumnChanges()
    {
        List<Guid>? outcomes = null;
        List<string>? checkedKeys = null;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            switch (entry.Entity)
            {
                case HandoffOutcomeEntity o:
                    (outcomes ??= []).Add(o.HandoffId);
                    break;
                case DraftCheckLogEntity c:
                    (checkedKeys ??= []).Add(c.HandoffKey);
                    break;
                case HandoffEntity h when entry.State == EntityState.Added:
                    (checkedKeys ??= []).Add(h.Key);
                    break;
            }
        }
        return outcomes is null && checkedKeys is null ? null : new ReportColumnChanges(outcomes ?? [], checkedKeys ?? []);
    }

    private IQueryable<HandoffEntity> OutcomeCopies(List<Guid> ids)
    {
        var distinct = ids.Distinct().ToArray();
        return Handoffs.Where(h => distinct.Contains(h.Id));
    }

    private IQueryable<HandoffEntity> CheckedCopies(List<string> keys)
    {
        var distinct = keys.Distinct().ToArray();
        return Handoffs.Where(h => distinct.Contains(h.Key));
    }

    // Set from the stored rows (not from memory): whatever this save wrote, or a deleted outcome, is what the copy says.
    private void SetOutcome(Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<HandoffEntity> s) => s
        .SetProperty(h => h.Outcome, h => HandoffOutcomes.Where(o => o.HandoffId == h.Id).Select(o => (OutcomeKind?)o.Kind).FirstOrDefault())
        .SetProperty(h => h.OutcomeStart, h => HandoffOutcomes.Where(o => o.HandoffId == h.Id).Select(o => o.NewStart).FirstOrDefault())
        .SetProperty(h => h.OutcomeEnd, h => HandoffOutcomes.Where(o => o.HandoffId == h.Id).Select(o => o.NewEnd).FirstOrDefault())
        .SetProperty(h => h.OutcomeAmount, h => HandoffOutcomes.Where(o => o.HandoffId == h.Id).Select(o => o.Amount).FirstOrDefault());

    private void SetChecked(Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<HandoffEntity> s) => s
        .SetProperty(h => h.CheckedCodes, h => DraftCheckLogs.Where(c => c.HandoffKey == h.Key).Select(c => c.SeenCodes).FirstOrDefault());
}
