using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Handoff.Api.Scale;

/// <summary>/healthz: Degraded (HTTP 200) without Redis, since every instance keeps answering from its local cache.</summary>
public sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(redis.IsConnected
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded("Redis (Cache:Redis) is unreachable: local cache and gate, admin edits reach other instances by the periodic refresh."));
}
