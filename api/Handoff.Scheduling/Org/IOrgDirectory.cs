namespace Handoff.Scheduling.Org;

/// <summary>Gives the current org snapshot. Implementations keep it in memory; reading it must be cheap.</summary>
public interface IOrgDirectory
{
    ValueTask<OrgSnapshot> GetSnapshotAsync(CancellationToken cancellationToken);
}
