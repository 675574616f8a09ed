using Microsoft.Extensions.Caching.Distributed;
using StackExchange.Redis;

namespace Handoff.Api.Scale;

/// <summary>
/// HybridCache's distributed layer (L2): Redis while it answers, nothing while it does not. A read from a dead
/// Redis is a miss and a write is skipped, at once, so each instance falls back to its own in-process cache (L1)
/// and keeps answering; the outage is logged once and /healthz says Degraded.
/// </summary>
public sealed class FailSoftDistributedCache(IDistributedCache redis, RedisConnection connection) : IDistributedCache
{
    public byte[]? Get(string key) => Try(() => redis.Get(key));

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default) =>
        await TryAsync(() => redis.GetAsync(key, token));

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => Try(() => { redis.Set(key, value, options); return (byte[]?)null; });

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
        TryAsync(async () => { await redis.SetAsync(key, value, options, token); return null; });

    public void Refresh(string key) => Try(() => { redis.Refresh(key); return null; });

    public Task RefreshAsync(string key, CancellationToken token = default) => TryAsync(async () => { await redis.RefreshAsync(key, token); return null; });

    public void Remove(string key) => Try(() => { redis.Remove(key); return null; });

    public Task RemoveAsync(string key, CancellationToken token = default) => TryAsync(async () => { await redis.RemoveAsync(key, token); return null; });

    private byte[]? Try(Func<byte[]?> call)
    {
        if (!connection.IsConnected)
        {
            return null;
        }
        try
        {
            return call();
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            connection.Down(e);
            return null;
        }
    }

    private async Task<byte[]?> TryAsync(Func<Task<byte[]?>> call)
    {
        if (!connection.IsConnected)
        {
            return null;
        }
        try
        {
            return await call();
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            connection.Down(e);
            return null;
        }
    }
}
