using Handoff.Scheduling.Checks;
using NodaTime;
using NodaTime.Text;

namespace Handoff.Graph.Tests;

internal static class Samples
{
    public const string West = "rsm.west@example.com";
    public const string East = "rsm.east@example.com";
    public const string Ghost = "left.the.company@example.com";

    public static Instant At(string iso) => InstantPattern.ExtendedIso.Parse(iso).GetValueOrThrow();

    /// <summary>The window the core asks for around a meeting: whole UTC days.</summary>
    public static Interval WindowAround(string start, string end) => MeetingCheckService.CalendarWindow(new Interval(At(start), At(end)));

    /// <summary>Tuesday 2026-03-10, the window the core uses for a mid-day meeting.</summary>
    public static Interval Tuesday => WindowAround("2026-03-10T17:00:00Z", "2026-03-10T18:00:00Z");
}
