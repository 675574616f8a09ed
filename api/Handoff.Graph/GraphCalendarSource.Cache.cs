using Microsoft.Extensions.Logging;
using NodaTime;

namespace Handoff.Graph;

/// <summary>The schedule cache's side of the reader: peeking at cached RSM days, and storing what a read brought.</summary>
internal sealed partial class GraphCalendarSource
{
    /// <summary>The cached days of one RSM (null where none), and false when the cache failed and nothing was found.</summary>
    private async Task<(CachedDay?[] Days, bool Ok)> PeekAsync(string prefix, IReadOnlyList<Interval> days, CancellationToken token, CancellationToken caller)
    {
        var found = new CachedDay?[days.Count];
        if (!Caching)
        {
            return (found, true);
        }
        try
        {
            for (var i = 0; i < days.Count; i++)
            {
                found[i] = await cache.PeekAsync(ScheduleDays.Key(prefix, days[i]), token).ConfigureAwait(false);
                GraphMetrics.CacheLookup(hit: found[i] is not null);
            }
        }
        catch (Exception ex) when (!caller.IsCancellationRequested)
        {
            // A failing or slow shared cache must not fail the check: read Graph as if nothing were cached.
            logger.CacheFailed(ex);
            Array.Clear(found);
            return (found, false);
        }
        return (found, true);
    }

    private async Task StoreAsync(List<(string Key, DayRead Read)> reads)
    {
        if (!Caching)
        {
            return;
        }
        try
        {
            foreach (var (key, day) in reads.Where(r => r.Read.Day is not null).Select(r => (r.Key, r.Read.Day!)))
            {
                // Not any check's token: a stored schedule is worth keeping even if the SDR has moved on.
                await cache.StoreAsync(key, day, _options.CacheTtl).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            logger.CacheFailed(ex);
        }
    }
}
