using NodaTime;

namespace Handoff.Scheduling.Calendars;

/// <summary>
/// Reads RSMs' calendars. Implementations must not throw for a failing service: they answer every
/// mailbox with a <see cref="CalendarLookup"/>, failed ones carrying a <see cref="CalendarProblem"/>.
/// </summary>
public interface ICalendarSource
{
    Task<IReadOnlyList<CalendarLookup>> ReadAsync(IReadOnlyList<string> emails, Interval window, CancellationToken cancellationToken);
}
