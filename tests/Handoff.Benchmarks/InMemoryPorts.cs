using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Org;
using NodaTime;

namespace Handoff.Benchmarks;

/// <summary>The directory port answered from memory, as every real directory does (a snapshot held in memory).</summary>
internal sealed class SnapshotDirectory(OrgSnapshot snapshot) : IOrgDirectory
{
    public ValueTask<OrgSnapshot> GetSnapshotAsync(CancellationToken cancellationToken) => ValueTask.FromResult(snapshot);
}

/// <summary>The calendar port answered from prebuilt calendars: a warm cache, so the benchmark measures the core, not I/O.</summary>
internal sealed class PrebuiltCalendars(IReadOnlyDictionary<string, RsmCalendar> calendars) : ICalendarSource
{
    public Task<IReadOnlyList<CalendarLookup>> ReadAsync(IReadOnlyList<string> emails, Interval window, CancellationToken cancellationToken)
    {
        var lookups = new CalendarLookup[emails.Count];
        for (var i = 0; i < emails.Count; i++)
        {
            lookups[i] = calendars.TryGetValue(emails[i], out var calendar)
                ? CalendarLookup.Found(emails[i], calendar)
                : CalendarLookup.Failed(emails[i], new CalendarProblem("unknown mailbox", Outage: false));
        }
        return Task.FromResult<IReadOnlyList<CalendarLookup>>(lookups);
    }
}

/// <summary>A clock stopped at <see cref="SyntheticOrg.Now"/>.</summary>
internal sealed class StoppedClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;
}
