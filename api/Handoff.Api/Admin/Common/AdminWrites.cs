using Handoff.Api.Infrastructure;
using Handoff.Api.Scale;
using Handoff.Api.Storage;
using Handoff.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Handoff.Api.Admin.Common;

/// <summary>What every admin write needs: the clock, the audit log, place resolution, and a save that turns
/// a lost race into 412/409 and refreshes the check's directory before the admin gets an answer.</summary>
public sealed class AdminWrites(AuditLog audit, PlaceInputs places, StoreOrgDirectory directory, OrgChanges changes, IClock clock)
{
    public AuditLog Audit => audit;

    public PlaceInputs Places => places;

    public Instant Now => clock.GetCurrentInstant();

    /// <summary>The next version. EF still checks the version it read, so a write that raced in since makes the save fail.</summary>
    public void Bump(IVersioned entity)
    {
        entity.Version++;
        entity.UpdatedAt = Now;
    }

    /// <summary>Null on success; 412 when another write changed or deleted the row after it was read; 409 for a constraint.</summary>
    public async Task<ProblemHttpResult?> SaveAsync(HandoffDbContext db, string what, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return AdminProblems.Stale(what, null);
        }
        catch (DbUpdateException e) when (!StoreUnavailable.Is(e)) // a lost connection is a 503 (StoreUnavailableExceptionHandler)
        {
            return AdminProblems.Conflict($"The {what} conflicts with another change.",
                "Another change was saved at the same moment (a duplicate name or e-mail, or a reference that was just removed). Read the data again and retry.");
        }
        await changes.PublishAsync(); // other instances reload now (in parallel with this one), not at their next periodic refresh
        await directory.RefreshAsync(ct);
        return null;
    }
}
