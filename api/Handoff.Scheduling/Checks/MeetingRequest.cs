using NodaTime;

namespace Handoff.Scheduling.Checks;

/// <summary>A draft invite as the SDR has it: times as UTC instants, zones already resolved.</summary>
/// <param name="HandoffKey">The invite's handoff key when it has one: a re-check of a sent invite leaves its own handoff out of the routing counts.</param>
public sealed record MeetingRequest(
    Interval Meeting,
    DateTimeZone OrganizerZone,
    IReadOnlyList<string> Attendees,
    string? OrganizerEmail = null,
    string? Location = null,
    DateTimeZone? ProspectZone = null,
    string? Vertical = null,
    string? HandoffKey = null);
