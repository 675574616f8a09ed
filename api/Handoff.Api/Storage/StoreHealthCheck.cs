using Handoff.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Handoff.Api.Storage;

/// <summary>/healthz reports Unhealthy when the store cannot be reached (the check itself keeps working from its snapshot).</summary>
public sealed class StoreHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The org store (database) cannot be reached.");
    }
}
