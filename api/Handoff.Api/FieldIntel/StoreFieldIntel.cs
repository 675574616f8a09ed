using Handoff.Api.Storage;
using Handoff.Scheduling.Travel;
using Handoff.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Handoff.Api.FieldIntel;

/// <summary>
/// The field intel the travel estimate reads: travel profiles and the last year of reported trips, held in memory
/// (a check never waits on the database), reloaded after every write here and every Org:RefreshInterval.
/// </summary>
public sealed class StoreFieldIntel(IServiceScopeFactory scopes, IClock clock) : IFieldIntelSource
{
    /// <summary>Trips older than this describe roads and habits that may have changed.</summary>
    public static readonly Duration ReportHorizon = Duration.FromDays(366);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Scheduling.Travel.FieldIntel _current = Scheduling.Travel.FieldIntel.Empty;

    public Scheduling.Travel.FieldIntel Current => _current;

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
            _current = await db.LoadFieldIntelAsync(clock.GetCurrentInstant() - ReportHorizon, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>
/// Starts after <see cref="StoreStartup"/> (registered later): seeds the demo's field intel into a store that has none
/// and loads the first copy before the API serves; then reloads periodically, like the org directory.
/// </summary>
public sealed partial class FieldIntelRefresher(
    StoreFieldIntel intel,
    IServiceScopeFactory scopes,
    IOptions<DemoSeedOptions> demo,
    IOptions<OrgOptions> org,
    ILogger<FieldIntelRefresher> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (demo.Value.Seed)
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await FieldIntelSeed.SeedIfMissingAsync(scope.ServiceProvider.GetRequiredService<HandoffDbContext>(),
                    scope.ServiceProvider.GetRequiredService<Admin.Common.AuditLog>(), cancellationToken) is { } seeded)
            {
                LogSeeded(logger, seeded.Reports, seeded.Plans, seeded.Profiles);
                await scope.ServiceProvider.GetRequiredService<StoreOrgDirectory>().RefreshAsync(cancellationToken);
            }
        }
        await intel.RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(org.Value.RefreshInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await intel.RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRefreshFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo's field intel: {Reports} reported trips, {Plans} past field plans, {Profiles} travel profiles.")]
    private static partial void LogSeeded(ILogger logger, int reports, int plans, int profiles);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh field intel from the store; travel estimates keep the last copy.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
