using Handoff.Scheduling.Org;
using NodaTime;

namespace Handoff.Api.Demo;

/// <summary>The demo org, held in memory; its field plans follow the current week.</summary>
public sealed class InMemoryOrgDirectory(IClock clock) : IOrgDirectory
{
    public ValueTask<OrgSnapshot> GetSnapshotAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(DemoOrg.Snapshot(clock.GetCurrentInstant().InUtc().Date));
}
