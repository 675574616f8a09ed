using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Org;
using NodaTime;

namespace Handoff.Scheduling.Checks;

/// <summary>Where the prospect's zone came from, so the SDR can correct it.</summary>
public enum ZoneSource
{
    Unknown,
    Request,
    Location,
    Territory,
}

/// <summary>
/// The prospect as the check sees them. <see cref="PlaceName"/> ("Fresno") makes messages concrete;
/// <see cref="SourceDetail"/> says how the zone was found ("inferred from 'Fresno, CA 93706'").
/// </summary>
public sealed record ProspectContext(
    DateTimeZone? Zone,
    WorkingHours BusinessHours,
    IReadOnlyList<string> Emails,
    string? PlaceName = null,
    ZoneSource Source = ZoneSource.Unknown,
    string? SourceDetail = null)
{
    public string Describe() => PlaceName is null ? "the prospect" : $"the prospect in {PlaceName}";
}

/// <summary>An RSM on the invite, with the zone and hours that apply and what their calendar says.</summary>
public sealed record RsmContext(
    RsmProfile Profile,
    DateTimeZone Zone,
    WorkingHours WorkingHours,
    IReadOnlyList<BusyBlock> Items,
    CalendarProblem? CalendarProblem = null)
{
    public string Name => Profile.DisplayName;
}

/// <summary>Everything a check evaluates: the meeting as UTC instants [start, end), and the parties.</summary>
public sealed record MeetingDraft(
    Interval Meeting,
    DateTimeZone OrganizerZone,
    string? OrganizerEmail,
    ProspectContext Prospect,
    IReadOnlyList<RsmContext> Rsms,
    string? Location = null,
    string? Vertical = null);
