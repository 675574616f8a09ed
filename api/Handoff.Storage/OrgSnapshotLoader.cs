using Handoff.Scheduling.Org;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Handoff.Storage;

public static class OrgSnapshotLoader
{
    /// <summary>
    /// Reads the whole directory into an immutable snapshot. Field plans that ended before
    /// <paramref name="plansEndingFrom"/> are left out: no check looks at the past.
    /// </summary>
    public static async Task<OrgSnapshot> LoadSnapshotAsync(
        this HandoffDbContext db, LocalDate plansEndingFrom, IEnumerable<string> internalDomains, CancellationToken cancellationToken)
    {
        var rsms = await db.Rsms.AsNoTracking().ToListAsync(cancellationToken);
        var territories = await db.Territories.AsNoTracking()
            .Include(t => t.Assignments).ThenInclude(a => a.Rsm)
            .OrderBy(t => t.NameKey)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var plans = await db.FieldPlans.AsNoTracking()
            .Include(p => p.Rsm)
            .Where(p => p.To >= plansEndingFrom)
            .OrderBy(p => p.From)
            .ToListAsync(cancellationToken);
        return new OrgSnapshot(
            rsms.Select(r => r.ToProfile()),
            territories.Select(t => t.ToTerritory()),
            plans.Select(p => p.ToFieldPlan()),
            internalDomains);
    }
}
