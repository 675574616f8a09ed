using NodaTime;

namespace Handoff.Scheduling.Calendars;

/// <summary>What a calendar source knows of one RSM over a window: items, and the mailbox's working hours and zone.</summary>
public sealed record RsmCalendar(IReadOnlyList<BusyBlock> Items, WorkingHours? WorkingHours = null, DateTimeZone? Zone = null)
{
    public static RsmCalendar Empty { get; } = new([]);
}

/// <summary>The answer for one RSM: a calendar, or why it could not be read.</summary>
public sealed record CalendarLookup(string Email, RsmCalendar? Calendar, CalendarProblem? Problem)
{
    public static CalendarLookup Found(string email, RsmCalendar calendar) => new(email, calendar, null);

    public static CalendarLookup Failed(string email, CalendarProblem problem) => new(email, null, problem);
}

/// <summary>
/// Why a calendar could not be read. <see cref="Outage"/> means the calendar service itself failed
/// (throttled, down, timed out, refused); otherwise only this mailbox failed (e.g. unknown address).
/// </summary>
public sealed record CalendarProblem(string Reason, bool Outage);
