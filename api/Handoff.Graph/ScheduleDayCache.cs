using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Handoff.Graph;

/// <summary>
/// Where read RSM days are kept between checks (per viewer, RSM and UTC day: <see cref="ScheduleDays.Key(string, NodaTime.Interval)"/>).
/// In process when the host has no shared cache; through HybridCache, in process and in the shared second level, when it
/// has one (Redis between API instances). Chosen by <see cref="For"/> from what the host configured.
/// </summary>
internal interface IScheduleDayCache
{
    /// <summary>The cached day, or null; never reads Graph.</summary>
    ValueTask<CachedDay?> PeekAsync(string key, CancellationToken token);

    /// <summary>Keeps the day for <paramref name="ttl"/>.</summary>
    ValueTask StoreAsync(string key, CachedDay day, TimeSpan ttl);

    /// <summary>
    /// The in-process cache when the host registered no distributed cache (or only the in-memory stand-in, which
    /// HybridCache ignores as a second level too); HybridCache over the shared one otherwise.
    /// </summary>
    static IScheduleDayCache For(IServiceProvider services) =>
        services.GetService<IDistributedCache>() is { } shared and not MemoryDistributedCache
            ? new SharedScheduleDays(services.GetRequiredService<HybridCache>())
            : new LocalScheduleDays(services.GetRequiredService<IMemoryCache>());
}

/// <summary>
/// Days kept in this process only: the same <see cref="CachedDay"/> instance is handed to every later check. HybridCache
/// would serialise each day it stores even with no second level (to size its L1 entries), ~300 days per cold read of
/// 20 mailboxes over the suggestion window, for nothing.
/// </summary>
internal sealed class LocalScheduleDays(IMemoryCache memory) : IScheduleDayCache
{
    public ValueTask<CachedDay?> PeekAsync(string key, CancellationToken token) =>
        ValueTask.FromResult(memory.TryGetValue(key, out var value) ? value as CachedDay : null);

    public ValueTask StoreAsync(string key, CachedDay day, TimeSpan ttl)
    {
        using var entry = memory.CreateEntry(key);
        entry.Value = day;
        entry.AbsoluteExpirationRelativeToNow = ttl;
        // A cache with a size limit refuses entries without a size; a day's size is its item count (at least 1).
        entry.Size = day.Items.Count + 1;
        return ValueTask.CompletedTask;
    }
}

/// <summary>Days kept through HybridCache: in process, and in the shared second level that other API instances read.</summary>
internal sealed class SharedScheduleDays(HybridCache cache) : IScheduleDayCache
{
    private static readonly HybridCacheEntryOptions PeekOnly = new()
    {
        Flags = HybridCacheEntryFlags.DisableUnderlyingData | HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCacheWrite,
    };

    public ValueTask<CachedDay?> PeekAsync(string key, CancellationToken token) =>
        cache.GetOrCreateAsync(key, static _ => ValueTask.FromResult<CachedDay?>(null), PeekOnly, cancellationToken: token);

    public ValueTask StoreAsync(string key, CachedDay day, TimeSpan ttl) =>
        cache.SetAsync(key, day, new HybridCacheEntryOptions { Expiration = ttl, LocalCacheExpiration = ttl }, cancellationToken: CancellationToken.None);
}
