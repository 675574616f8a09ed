using Handoff.Api.Demo;
using Handoff.Scheduling.Org;
using Handoff.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Handoff.Api.Storage;

/// <summary>
/// The directory the check reads: an immutable snapshot of the store held in memory, so a check never waits
/// on the database. Admin writes call <see cref="RefreshAsync"/> before they answer; <see cref="OrgSnapshotRefresher"/>
/// refreshes periodically to pick up other instances' writes.
/// </summary>
public sealed class StoreOrgDirectory(
    IServiceScopeFactory scopes,
    IClock clock,
    IOptions<OrgOptions> org,
    IOptions<DemoSeedOptions> demo) : IOrgDirectory
{
    // Field plans that ended two days ago (UTC) are over in every zone.
    private static readonly Period PlanGrace = Period.FromDays(2);

    // Serialises reloads, so a slow reload that started earlier can never overwrite a newer snapshot.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile OrgSnapshot? _snapshot;

    public ValueTask<OrgSnapshot> GetSnapshotAsync(CancellationToken cancellationToken) =>
        _snapshot is { } snapshot ? ValueTask.FromResult(snapshot) : new ValueTask<OrgSnapshot>(RefreshAsync(cancellationToken));

    public IReadOnlyCollection<string> InternalDomains =>
        org.Value.InternalDomains.Concat(demo.Value.Seed ? [DemoOrg.Domain] : []).Select(d => d.Trim()).Where(d => d.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    public async Task<OrgSnapshot> RefreshAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
            var from = clock.GetCurrentInstant().InUtc().Date - PlanGrace;
            var snapshot = await db.LoadSnapshotAsync(from, InternalDomains, cancellationToken);
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>Re-reads the store every Org:RefreshInterval; a failed read keeps the last snapshot and is logged.</summary>
public sealed partial class OrgSnapshotRefresher(StoreOrgDirectory directory, IOptions<OrgOptions> options, ILogger<OrgSnapshotRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await directory.RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRefreshFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the org directory from the store; the check keeps using the last snapshot.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
