using Handoff.Scheduling.Calendars;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace Handoff.Graph;

/// <summary>
/// RSMs' calendars from Microsoft Graph. A check costs at most one getSchedule call per 20 RSMs that are
/// not cached (per RSM and UTC day, for <see cref="GraphOptions.CacheTtl"/>), all within
/// <see cref="GraphOptions.CheckBudget"/>. Graph failures become <see cref="CalendarProblem"/>s, never exceptions.
/// </summary>
internal sealed class GraphCalendarSource(
    ScheduleFetcher fetcher,
    HybridCache cache,
    IOptions<GraphOptions> options,
    TimeProvider time,
    ILogger<GraphCalendarSource> logger) : ICalendarSource
{
    private static readonly HybridCacheEntryOptions PeekOnly = new()
    {
        Flags = HybridCacheEntryFlags.DisableUnderlyingData | HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCacheWrite,
    };

    private readonly GraphOptions _options = options.Value;

    private bool Caching => _options.CacheTtl > TimeSpan.Zero;

    public async Task<IReadOnlyList<CalendarLookup>> ReadAsync(IReadOnlyList<string> emails, Interval window, CancellationToken cancellationToken)
    {
        if (emails.Count == 0)
        {
            return [];
        }
        using var deadline = new CheckDeadline(_options.CheckBudget, time, cancellationToken);
        var days = UtcDays(window);
        var viewer = fetcher.CallingMailbox;
        var wanted = emails.Select(e => e.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var known = new Dictionary<string, CachedDay?[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var email in wanted)
        {
            known[email] = await PeekAsync(viewer, email, days, deadline.Token, cancellationToken).ConfigureAwait(false);
        }

        var problems = new Dictionary<string, CalendarProblem>(StringComparer.OrdinalIgnoreCase);
        var missing = wanted.Where(e => known[e].Any(d => d is null)).ToArray();
        if (missing.Length > 0)
        {
            // One window for the whole call: from the first to the last day any of these RSMs lacks.
            var first = Enumerable.Range(0, days.Count).First(i => missing.Any(e => known[e][i] is null));
            var last = Enumerable.Range(0, days.Count).Last(i => missing.Any(e => known[e][i] is null));
            var fetchWindow = new Interval(days[first].Start, days[last].End);
            var calls = missing.Chunk(ScheduleFetcher.MaxSchedulesPerCall)
                .Select(chunk => fetcher.FetchAsync(chunk, fetchWindow, deadline, cancellationToken));
            foreach (var answer in (await Task.WhenAll(calls).ConfigureAwait(false)).SelectMany(a => a))
            {
                if (answer.Problem is { } problem)
                {
                    problems[answer.Email] = problem;  // failures are not cached: the next check asks again
                    continue;
                }
                for (var i = first; i <= last; i++)
                {
                    known[answer.Email][i] = ScheduleMapping.Day(answer.Items!, answer.Hours, days[i]);
                }
                await StoreAsync(viewer, answer.Email, days, known[answer.Email], first, last).ConfigureAwait(false);
            }
        }

        return emails.Select(email => problems.TryGetValue(email.Trim(), out var problem)
                ? CalendarLookup.Failed(email, problem)
                : CalendarLookup.Found(email, ScheduleMapping.Calendar(days.Zip(known[email.Trim()], (d, c) => (d, c!)).ToArray(), window)))
            .ToArray();
    }

    /// <summary>The UTC days the window touches; the core asks for whole days so neighbouring checks share entries.</summary>
    internal static IReadOnlyList<Interval> UtcDays(Interval window)
    {
        var days = new List<Interval>();
        var date = window.Start.InUtc().Date;
        for (var start = date.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(); start < window.End; start += Duration.FromDays(1))
        {
            days.Add(new Interval(start, start + Duration.FromDays(1)));
        }
        return days;
    }

    /// <summary>
    /// Per viewer (the calling mailbox), RSM and UTC day: subjects and locations come back as each RSM's sharing
    /// allows for the caller, so one SDR's view must never answer another's check.
    /// </summary>
    private static string Key(string viewer, string email, Interval day) =>
        $"handoff:graph:schedule:v2:{viewer.ToLowerInvariant()}:{email.ToLowerInvariant()}:{LocalDatePattern.Iso.Format(day.Start.InUtc().Date)}";

    private async Task<CachedDay?[]> PeekAsync(string viewer, string email, IReadOnlyList<Interval> days, CancellationToken token, CancellationToken caller)
    {
        var found = new CachedDay?[days.Count];
        if (!Caching)
        {
            return found;
        }
        try
        {
            for (var i = 0; i < days.Count; i++)
            {
                found[i] = await cache.GetOrCreateAsync(Key(viewer, email, days[i]), static _ => ValueTask.FromResult<CachedDay?>(null), PeekOnly, cancellationToken: token).ConfigureAwait(false);
                GraphMetrics.CacheLookup(hit: found[i] is not null);
            }
        }
        catch (Exception ex) when (!caller.IsCancellationRequested)
        {
            // A failing or slow shared cache must not fail the check: read Graph as if nothing were cached.
            logger.CacheFailed(ex);
            Array.Clear(found);
        }
        return found;
    }

    private async Task StoreAsync(string viewer, string email, IReadOnlyList<Interval> days, CachedDay?[] entries, int first, int last)
    {
        if (!Caching)
        {
            return;
        }
        var entryOptions = new HybridCacheEntryOptions { Expiration = _options.CacheTtl, LocalCacheExpiration = _options.CacheTtl };
        try
        {
            for (var i = first; i <= last; i++)
            {
                // Not the check's token: a stored schedule is worth keeping even if the SDR has moved on.
                await cache.SetAsync(Key(viewer, email, days[i]), entries[i]!, entryOptions, cancellationToken: CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            logger.CacheFailed(ex);
        }
    }
}
