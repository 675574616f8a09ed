using NodaTime;

namespace Handoff.Scheduling.Checks;

/// <summary>A draft invite as the SDR has it: times as UTC instants, zones already resolved.</summary>
public sealed record MeetingRequest(
    Interval Meeting,
    DateTimeZone OrganizerZone,
    IReadOnlyList<string> Attendees,
    string? OrganizerEmail = null,
    string? Location = null,
    DateTimeZone? ProspectZone = null,
    string? Vertical = null);
