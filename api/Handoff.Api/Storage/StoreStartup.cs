using Handoff.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Handoff.Api.Storage;

/// <summary>
/// Before the API serves: applies pending migrations, seeds the demo org into a never-used store when
/// Demo:Seed is on, and loads the first snapshot.
/// </summary>
public sealed partial class StoreStartup(
    IServiceScopeFactory scopes,
    StoreOrgDirectory directory,
    IOptions<DemoSeedOptions> demo,
    ILogger<StoreStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToArray();
            await db.Database.MigrateAsync(cancellationToken);
            LogMigrated(logger, db.Database.ProviderName ?? "?", pending.Length);
            if (demo.Value.Seed && await DemoSeed.SeedIfNeverUsedAsync(db, scope.ServiceProvider.GetRequiredService<Admin.Common.AuditLog>(), cancellationToken))
            {
                LogSeeded(logger, await db.Rsms.CountAsync(cancellationToken), await db.Territories.CountAsync(cancellationToken), await db.FieldPlans.CountAsync(cancellationToken));
            }
            if (demo.Value.Seed)
            {
                await Handoffs.DemoBatonSeed.SeedIfEmptyAsync(db, scope.ServiceProvider.GetRequiredService<Admin.Common.AuditLog>(), cancellationToken);
            }
        }
        await directory.RefreshAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Org store ready ({Provider}); applied {Count} migration(s).")]
    private static partial void LogMigrated(ILogger logger, string provider, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo org ({Rsms} RSMs, {Territories} territories, {Plans} field plans) into the empty store.")]
    private static partial void LogSeeded(ILogger logger, int rsms, int territories, int plans);
}
