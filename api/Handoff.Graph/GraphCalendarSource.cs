using Handoff.Scheduling.Calendars;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Handoff.Graph;

/// <summary>
/// RSMs' calendars from Microsoft Graph. A check costs at most one getSchedule call per 20 RSMs that are
/// not cached (per viewer, RSM and UTC day, for <see cref="GraphOptions.CacheTtl"/>), all within
/// <see cref="GraphOptions.CheckBudget"/>; checks that need the same RSM day at the same time share one call
/// (<see cref="InFlightReads"/>). Graph failures become <see cref="CalendarProblem"/>s, never exceptions.
/// </summary>
internal sealed partial class GraphCalendarSource(
    ScheduleFetcher fetcher,
    IScheduleDayCache cache,
    IOptions<GraphOptions> options,
    TimeProvider time,
    ILogger<GraphCalendarSource> logger) : ICalendarSource, IDisposable
{
    private readonly GraphOptions _options = options.Value;
    private readonly InFlightReads _inFlight = new();
    private readonly AssembledCalendars _assembled = new(options.Value.CacheTtl > TimeSpan.Zero ? options.Value.CacheTtl : TimeSpan.FromMinutes(1));

    private bool Caching => _options.CacheTtl > TimeSpan.Zero;

    /// <summary>Reads on their way (tests).</summary>
    internal int ReadsInFlight => _inFlight.Count;

    public async Task<IReadOnlyList<CalendarLookup>> ReadAsync(IReadOnlyList<string> emails, Interval window, CancellationToken cancellationToken)
    {
        if (emails.Count == 0)
        {
            return [];
        }
        using var deadline = new CheckDeadline(_options.CheckBudget, time, cancellationToken);
        var days = ScheduleDays.UtcDays(window);
        var viewer = fetcher.CallingMailbox;
        var wanted = emails.Select(e => e.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var prefixes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var known = new Dictionary<string, CachedDay?[]>(StringComparer.OrdinalIgnoreCase);
        var fresh = new Dictionary<string, RsmCalendar>(StringComparer.OrdinalIgnoreCase);
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var peeked = true;
        foreach (var email in wanted)
        {
            var prefix = prefixes[email] = ScheduleDays.Prefix(viewer, email);
            if (Caching && _assembled.TryGetFresh(prefix, window, now, out var calendar))
            {
                fresh[email] = calendar;
                GraphMetrics.CacheLookup(hit: true, days.Count);
                continue;
            }
            (known[email], var ok) = await PeekAsync(prefix, days, deadline.Token, cancellationToken).ConfigureAwait(false);
            peeked &= ok;
        }

        var problems = new Dictionary<string, CalendarProblem>(StringComparer.OrdinalIgnoreCase);
        var missing = wanted.Where(known.ContainsKey).SelectMany(e => Enumerable.Range(0, days.Count).Where(i => known[e][i] is null).Select(i => (Email: e, Day: i))).ToArray();
        if (missing.Length > 0)
        {
            var keys = missing.Select(m => ScheduleDays.Key(prefixes[m.Email], days[m.Day])).ToArray();
            var reads = _inFlight.Join(keys, out var claimed);
            if (claimed.Count > 0)
            {
                StartRead(viewer, claimed.Select(i => missing[i]).ToArray(), claimed.Select(i => keys[i]).ToArray(), days);
            }
            for (var i = 0; i < missing.Length; i++)
            {
                var (email, day) = missing[i];
                var read = await WaitAsync(reads[i], deadline, cancellationToken).ConfigureAwait(false);
                if (read.Problem is { } problem)
                {
                    problems[email] = problem;
                }
                else
                {
                    known[email][day] = read.Day;
                }
            }
        }

        // Days read just now or peeked from the cache are what later checks will peek too, so their calendars are worth
        // keeping; without a cache (or after it failed) every read is fresh and nothing would match.
        var memo = Caching && peeked;
        return emails.Select(email => problems.TryGetValue(email.Trim(), out var problem)
                ? CalendarLookup.Failed(email, problem)
                : CalendarLookup.Found(email, fresh.GetValueOrDefault(email.Trim()) ?? Assemble(prefixes[email.Trim()], days, known[email.Trim()]!, window, memo)))
            .ToArray();
    }

    private RsmCalendar Assemble(string prefix, IReadOnlyList<Interval> days, CachedDay?[] cached, Interval window, bool memo)
    {
        var found = Array.ConvertAll(cached, c => c!);
        return memo
            ? _assembled.Get(prefix, days, found, window)
            : ScheduleMapping.Calendar(days.Select((d, i) => (d, found[i])).ToArray(), window);
    }

    /// <summary>Calendars kept for reuse (tests).</summary>
    internal long AssembledCount => _assembled.Count;

    public void Dispose() => _assembled.Dispose();

    /// <summary>
    /// Waits for a read, this check's or another's. A caller that cancels stops waiting (and throws); one whose budget
    /// runs out gets the timeout warning; neither stops the read, which other checks may be waiting for.
    /// </summary>
    private static async Task<DayRead> WaitAsync(Task<DayRead> read, CheckDeadline deadline, CancellationToken caller)
    {
        try
        {
            return await read.WaitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!caller.IsCancellationRequested)
        {
            return new DayRead(null, new CalendarProblem(GraphFailure.TimedOut(deadline.Budget).Reason, Outage: true));
        }
    }

    /// <summary>
    /// Starts the getSchedule call(s) for the claimed RSM days (one window, from the first to the last of them) and
    /// returns at once: the read runs to its own deadline, not to the caller's token, because other checks may join it.
    /// </summary>
    private void StartRead(string viewer, (string Email, int Day)[] claimed, string[] claimedKeys, IReadOnlyList<Interval> days)
    {
        var fetchDays = days.Skip(claimed.Min(c => c.Day)).Take(claimed.Max(c => c.Day) - claimed.Min(c => c.Day) + 1).ToArray();
        var emails = claimed.Select(c => c.Email).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        // The window's other days of these RSMs that nobody is reading yet become this read's too, so a check for them joins it.
        var extraKeys = emails.SelectMany(e => fetchDays.Select(d => ScheduleDays.Key(viewer, e, d))).Except(claimedKeys, StringComparer.Ordinal).ToArray();
        var mine = new HashSet<string>(claimedKeys, StringComparer.Ordinal);
        mine.UnionWith(_inFlight.ClaimFree(extraKeys).Select(i => extraKeys[i]));
        _ = ReadSharedAsync(viewer, emails, fetchDays, mine);
    }

    private async Task ReadSharedAsync(string viewer, string[] emails, IReadOnlyList<Interval> days, HashSet<string> mine)
    {
        var unfinished = new CalendarProblem("Microsoft Graph gave an answer this app could not read", Outage: true);
        try
        {
            using var deadline = new CheckDeadline(_options.CheckBudget, time, CancellationToken.None);
            var window = new Interval(days[0].Start, days[^1].End);
            var calls = emails.Chunk(ScheduleFetcher.MaxSchedulesPerCall)
                .Select(chunk => fetcher.FetchAsync(chunk, window, deadline, CancellationToken.None));
            var reads = new List<(string Key, DayRead Read)>();
            var answers = await Task.WhenAll(calls).ConfigureAwait(false);
            var readAt = Instant.FromDateTimeOffset(time.GetUtcNow());
            foreach (var answer in answers.SelectMany(a => a))
            {
                foreach (var day in days)
                {
                    // Failures are not cached: the next check asks again.
                    reads.Add((ScheduleDays.Key(viewer, answer.Email, day), answer.Problem is { } problem
                        ? new DayRead(null, problem)
                        : new DayRead(ScheduleMapping.Day(answer.Items!, answer.Hours, day, readAt), null)));
                }
            }
            // Stored before the waiting checks go on, so another instance sharing the cache finds it once they answer.
            await StoreAsync(reads).ConfigureAwait(false);
            foreach (var (key, read) in reads.Where(r => mine.Contains(r.Key)))
            {
                _inFlight.Complete(key, read);
            }
        }
        catch (Exception ex)
        {
            // The fetcher turns Graph's failures into problems; this is a bug, and the waiting checks still get an answer.
            logger.UnreadableSchedule(ex, string.Join(", ", emails));
        }
        finally
        {
            // Only after the days are in the cache: a check arriving in between joins the finished read instead of asking Graph.
            _inFlight.Forget(mine, unfinished);
        }
    }
}
