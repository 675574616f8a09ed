using Handoff.Api.Admin.HandoffSettings;
using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Handoffs;
using Handoff.Storage;
using Microsoft.EntityFrameworkCore;

namespace Handoff.Api.Handoffs;

/// <summary>
/// Applies the org's handoff bar to a check: reads the bar (cached) and, only when there is one, the prospects'
/// lead context, and adds HANDOFF_NOT_QUALIFIED (a warning, so the verdict is at least review) naming what is missing.
/// </summary>
public sealed class HandoffGate(HandoffSettingsCache settings, IServiceScopeFactory scopes)
{
    public async Task<CheckResult> ApplyAsync(CheckResult result, HandoffNotesDto? notes, CancellationToken ct)
    {
        var bar = (await settings.GetAsync(ct)).Bar;
        var prospects = result.Draft.Prospect.Emails;
        if (bar is null || bar.IsEmpty || prospects.Count == 0)
        {
            return result;
        }
        var leads = await LeadsAsync(prospects, ct);
        var facts = leads.Select(l => new LeadFacts(l.Email, l.Data.LifecycleStage, l.Data.Score)).ToArray();
        return QualificationGate.Evaluate(bar, facts, prospects, (notes ?? new HandoffNotesDto()).ToNotes()) is { } warning
            ? With(result, warning)
            : result;
    }

    public async Task<IReadOnlyList<LeadEntity>> LeadsAsync(IReadOnlyList<string> emails, CancellationToken ct)
    {
        var keys = emails.Select(LeadEntity.KeyOf).Distinct().ToArray();
        if (keys.Length == 0)
        {
            return [];
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var found = await db.Leads.AsNoTracking().Where(l => keys.Contains(l.EmailKey)).ToListAsync(ct);
        return keys.Select(k => found.FirstOrDefault(l => l.EmailKey == k)).OfType<LeadEntity>().ToArray();
    }

    /// <summary>The warning in severity order (after blockers, before infos), and the verdict again.</summary>
    private static CheckResult With(CheckResult result, Warning warning)
    {
        var warnings = result.Warnings.Append(warning).Select((w, i) => (w, i))
            .OrderByDescending(x => x.w.Severity).ThenBy(x => x.i).Select(x => x.w).ToArray();
        return result with { Verdict = CheckResult.VerdictOf(warnings), Warnings = warnings };
    }
}
