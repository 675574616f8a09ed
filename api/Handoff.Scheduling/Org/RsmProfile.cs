using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Places;
using NodaTime;

namespace Handoff.Scheduling.Org;

/// <summary>
/// An RSM as the org configures them. <see cref="Email"/> is the Graph identity (compared ignoring case).
/// <see cref="Zone"/> and <see cref="WorkingHours"/> override what the calendar reports when set.
/// </summary>
public sealed record RsmProfile(
    string Email,
    string DisplayName,
    DateTimeZone? Zone = null,
    Place? HomeBase = null,
    WorkingHours? WorkingHours = null,
    IReadOnlyList<string>? Verticals = null,
    TravelProfile? Travel = null,
    bool Active = true)
{
    public IReadOnlyList<string> VerticalTags => Verticals ?? [];

    /// <summary><see cref="Email"/> as an address: what to compare and key by.</summary>
    public EmailAddress Address => new(Email);

    public TravelProfile TravelOrDefault => Travel ?? TravelProfile.Default;

    public bool Specialises(string? vertical) =>
        vertical is not null && VerticalTags.Any(v => string.Equals(v, vertical, StringComparison.OrdinalIgnoreCase));
}
