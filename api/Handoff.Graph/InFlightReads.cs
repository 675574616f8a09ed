using Handoff.Scheduling.Calendars;

namespace Handoff.Graph;

/// <summary>What one read gives for one RSM day: the day, or why Graph could not read it.</summary>
internal readonly record struct DayRead(CachedDay? Day, CalendarProblem? Problem);

/// <summary>
/// Single flight for schedule reads: while one getSchedule for an RSM day is on its way, every other check that
/// needs that day (same viewer, same mailbox, same UTC day) waits for it instead of asking Graph again.
/// HybridCache's own stampede protection is per key; a check reads many keys in one call, so it is done here.
/// </summary>
/// <remarks>
/// Keys are the cache keys, so they carry the viewer: one SDR's read never answers another's check.
/// The read itself belongs to nobody: it runs to its own deadline, and a caller that gives up only stops waiting.
/// </remarks>
internal sealed class InFlightReads
{
    private readonly Dictionary<string, TaskCompletionSource<DayRead>> _reads = new(StringComparer.Ordinal);

    /// <summary>
    /// For each key, the read already on its way, or (when none is) a new one this caller must carry out and
    /// complete through <see cref="Complete"/>; <paramref name="claimed"/> lists those (indexes into <paramref name="keys"/>).
    /// </summary>
    public Task<DayRead>[] Join(IReadOnlyList<string> keys, out List<int> claimed)
    {
        var tasks = new Task<DayRead>[keys.Count];
        claimed = [];
        lock (_reads)
        {
            for (var i = 0; i < keys.Count; i++)
            {
                if (!_reads.TryGetValue(keys[i], out var read))
                {
                    read = new TaskCompletionSource<DayRead>(TaskCreationOptions.RunContinuationsAsynchronously);
                    _reads.Add(keys[i], read);
                    claimed.Add(i);
                }
                tasks[i] = read.Task;
            }
        }
        return tasks;
    }

    /// <summary>Claims the keys nobody is reading yet (read-ahead days), without waiting for the others.</summary>
    public List<int> ClaimFree(IReadOnlyList<string> keys)
    {
        var claimed = new List<int>();
        lock (_reads)
        {
            for (var i = 0; i < keys.Count; i++)
            {
                if (!_reads.ContainsKey(keys[i]))
                {
                    _reads.Add(keys[i], new TaskCompletionSource<DayRead>(TaskCreationOptions.RunContinuationsAsynchronously));
                    claimed.Add(i);
                }
            }
        }
        return claimed;
    }

    /// <summary>Hands the result to every waiter of a claimed key (they may go on before it is forgotten).</summary>
    public void Complete(string key, DayRead result)
    {
        lock (_reads)
        {
            if (_reads.TryGetValue(key, out var read))
            {
                read.TrySetResult(result);
            }
        }
    }

    /// <summary>
    /// Forgets claimed keys once their days are in the cache (or failed): later checks read the cache, or ask
    /// Graph again after a failure. Unfinished keys (a bug in the reader) are failed rather than left hanging.
    /// </summary>
    public void Forget(IEnumerable<string> keys, CalendarProblem ifUnfinished)
    {
        lock (_reads)
        {
            foreach (var key in keys)
            {
                if (_reads.Remove(key, out var read))
                {
                    read.TrySetResult(new DayRead(null, ifUnfinished));
                }
            }
        }
    }

    /// <summary>Reads on their way (tests, diagnostics).</summary>
    public int Count
    {
        get
        {
            lock (_reads)
            {
                return _reads.Count;
            }
        }
    }
}
