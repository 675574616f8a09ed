using System.Collections.Concurrent;
using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Org;
using NodaTime;

namespace Handoff.Api.Bench;

/// <summary>
/// Synthetic calendars for load tests: every read returns exactly <c>Bench:EventsPerRsm</c> items per RSM within
/// the window, so a check scans a known load. Items are packed into each UTC day except 17:00–19:00 UTC
/// (<see cref="OpenFrom"/>–<see cref="OpenTo"/>: 9–11 AM Pacific, noon–2 PM Eastern), so a draft there meets
/// no conflict and one elsewhere does; an item within <see cref="TravelMargin"/> of the open hours is never at a
/// customer site, so an in-person draft there needs no travel either, whatever window the check reads. The same e-mail and window always give the same items; a read that was
/// made before is served from memory, as a warm Graph cache would be.
/// </summary>
internal sealed class BenchCalendarSource(int eventsPerRsm, IOrgDirectory directory) : ICalendarSource
{
    public static readonly LocalTime OpenFrom = new(17, 0);
    public static readonly LocalTime OpenTo = new(19, 0);

    /// <summary>More than the longest drive between the bench team's home bases and Fresno, with the rule's slack.</summary>
    public static readonly Duration TravelMargin = Duration.FromHours(2);

    private const int MaxRemembered = 4096;

    private static readonly (BusyStatus Status, int Weight)[] Statuses =
        [(BusyStatus.Busy, 55), (BusyStatus.Tentative, 15), (BusyStatus.Free, 15), (BusyStatus.WorkingElsewhere, 10), (BusyStatus.OutOfOffice, 5)];

    private static readonly string[] Subjects = ["Customer meeting", "Plant visit", "Pipeline review", "Prospect call (hold)", "Quarterly business review"];

    private readonly ConcurrentDictionary<(string Email, Interval Window), RsmCalendar> _remembered = new();

    public async Task<IReadOnlyList<CalendarLookup>> ReadAsync(IReadOnlyList<string> emails, Interval window, CancellationToken cancellationToken)
    {
        var result = new CalendarLookup[emails.Count];
        OrgSnapshot? snapshot = null;
        for (var i = 0; i < emails.Count; i++)
        {
            var key = (emails[i].Trim().ToLowerInvariant(), window);
            if (!_remembered.TryGetValue(key, out var calendar))
            {
                snapshot ??= await directory.GetSnapshotAsync(cancellationToken);
                if (_remembered.Count >= MaxRemembered)
                {
                    _remembered.Clear();
                }
                calendar = _remembered.GetOrAdd(key, k => new RsmCalendar(Items(k.Email, k.Window, eventsPerRsm, snapshot.FindRsm(k.Email)?.HomeBase?.Label)));
            }
            result[i] = CalendarLookup.Found(emails[i], calendar);
        }
        return result;
    }

    /// <summary><paramref name="count"/> items inside <paramref name="window"/>, sorted, none within the open hours.</summary>
    internal static BusyBlock[] Items(string email, Interval window, int count, string? homeBase)
    {
        var random = new Random(Seed(email, window));
        var spans = BookableSpans(window);
        var totalMinutes = spans.Sum(s => (long)s.Duration.TotalMinutes);
        var items = new List<BusyBlock>(count);
        if (totalMinutes == 0)
        {
            return [];
        }
        var placed = 0;
        var minutesSoFar = 0L;
        foreach (var span in spans)
        {
            // Items are shared out in proportion to each span's length (cumulatively, so they add up to count).
            var spanMinutes = (long)span.Duration.TotalMinutes;
            minutesSoFar += spanMinutes;
            var here = (int)(count * minutesSoFar / totalMinutes) - placed;
            var slot = here == 0 ? 0 : Math.Max(1, spanMinutes / here);
            for (var k = 0; k < here; k++)
            {
                var start = span.Start + Duration.FromMinutes(k * slot + random.NextInt64(0, Math.Max(1, slot / 3)));
                var length = Duration.FromMinutes(Math.Max(1, slot / 3 + random.NextInt64(0, Math.Max(1, slot / 3))));
                items.Add(Item(random, new Interval(start, Min(start + length, span.End)), homeBase));
            }
            placed += here;
        }
        return items.ToArray();
    }

    private static BusyBlock Item(Random random, Interval interval, string? homeBase)
    {
        var status = Pick(random);
        var isPrivate = random.Next(20) == 0;
        var location = random.Next(3) switch
        {
            0 => "Microsoft Teams Meeting",
            1 when homeBase is not null && !NearOpenHours(interval) => $"Customer site, {homeBase}",
            _ => null,
        };
        return new BusyBlock(interval, status, location, isPrivate ? "Personal appointment" : Subjects[random.Next(Subjects.Length)], isPrivate);
    }

    private static BusyStatus Pick(Random random)
    {
        var roll = random.Next(100);
        foreach (var (status, weight) in Statuses)
        {
            if ((roll -= weight) < 0)
            {
                return status;
            }
        }
        return BusyStatus.Busy;
    }

    /// <summary>True when the item ends less than <see cref="TravelMargin"/> before a day's open hours or starts less after them.</summary>
    private static bool NearOpenHours(Interval item)
    {
        foreach (var day in new[] { item.Start.InUtc().Date.PlusDays(-1), item.Start.InUtc().Date, item.Start.InUtc().Date.PlusDays(1) })
        {
            var open = new Interval((day + OpenFrom).InUtc().ToInstant() - TravelMargin, (day + OpenTo).InUtc().ToInstant() + TravelMargin);
            if (item.Start < open.End && item.End > open.Start)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The window without each UTC day's open hours.</summary>
    internal static List<Interval> BookableSpans(Interval window)
    {
        var spans = new List<Interval>();
        var cursor = window.Start;
        for (var day = window.Start.InUtc().Date; cursor < window.End; day = day.PlusDays(1))
        {
            var open = new Interval((day + OpenFrom).InUtc().ToInstant(), (day + OpenTo).InUtc().ToInstant());
            var dayEnd = day.PlusDays(1).AtMidnight().InUtc().ToInstant();
            foreach (var span in new[] { new Interval(cursor, Min(open.Start, window.End)), new Interval(Max(cursor, open.End), Min(dayEnd, window.End)) })
            {
                if (span.Start < span.End)
                {
                    spans.Add(span);
                }
            }
            cursor = dayEnd;
        }
        return spans;
    }

    /// <summary>Stable across processes (string.GetHashCode is not): FNV-1a of the address, mixed with the window.</summary>
    private static int Seed(string email, Interval window)
    {
        var hash = 2166136261u;
        foreach (var c in email)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash ^ (uint)(window.Start.ToUnixTimeSeconds() / 3600) ^ (uint)(window.End.ToUnixTimeSeconds() / 60));
    }

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;
}
