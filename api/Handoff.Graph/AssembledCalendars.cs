using Handoff.Scheduling.Calendars;
using Microsoft.Extensions.Caching.Memory;
using NodaTime;

namespace Handoff.Graph;

/// <summary>
/// The calendars assembled from cached days, per viewer, RSM and window, reused while the cache still hands out the
/// same day entries. The core builds a calendar's derived work (its itinerary with every location resolved, its items
/// sorted for lookups) once per <see cref="RsmCalendar"/> instance; assembling a new instance for every check threw that
/// away, so each check rebuilt 20 RSMs' itineraries over the whole suggestion window. Checks of the same day ask for the
/// same window (the suggestion window starts today), so under load almost every check finds its calendars here.
/// </summary>
/// <remarks>
/// A memo, not a second cache: an entry is only used when every day it was built from is the very instance the
/// schedule cache returned for this check (cache entries are immutable and handed out without copying), so a re-read,
/// an expired day or another instance's write in a shared cache makes it rebuild. Keys carry the viewer, as the
/// cache's keys do. Bounded by count and unused for a cache TTL it is dropped.
/// </remarks>
internal sealed class AssembledCalendars(TimeSpan keep) : IDisposable
{
    /// <summary>Entries kept at most (each one RSM's calendar over one window); past it the least recently used go.</summary>
    public const int MaxEntries = 4096;

    private readonly MemoryCache _memo = new(new MemoryCacheOptions { SizeLimit = MaxEntries, CompactionPercentage = 0.25 });
    private readonly MemoryCacheEntryOptions _entry = new() { Size = 1, SlidingExpiration = keep };

    public RsmCalendar Get(string keyPrefix, IReadOnlyList<Interval> days, CachedDay[] cached, Interval window)
    {
        var key = new MemoKey(keyPrefix, window.Start, window.End);
        if (_memo.TryGetValue(key, out Assembled? assembled) && assembled!.BuiltFrom(cached))
        {
            return assembled.Calendar;
        }
        var pairs = new (Interval Day, CachedDay Cached)[days.Count];
        for (var i = 0; i < pairs.Length; i++)
        {
            pairs[i] = (days[i], cached[i]);
        }
        var calendar = ScheduleMapping.Calendar(pairs, window);
        _memo.Set(key, new Assembled(cached, calendar), _entry);
        return calendar;
    }

    /// <summary>Entries held (tests).</summary>
    internal long Count => _memo.Count;

    public void Dispose() => _memo.Dispose();

    private readonly record struct MemoKey(string Prefix, Instant Start, Instant End);

    private sealed record Assembled(CachedDay[] Days, RsmCalendar Calendar)
    {
        public bool BuiltFrom(CachedDay[] cached)
        {
            if (cached.Length != Days.Length)
            {
                return false;
            }
            for (var i = 0; i < cached.Length; i++)
            {
                if (!ReferenceEquals(cached[i], Days[i]))
                {
                    return false;
                }
            }
            return true;
        }
    }
}
