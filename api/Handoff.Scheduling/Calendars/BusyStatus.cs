namespace Handoff.Scheduling.Calendars;

/// <summary>How an item shows on the RSM's calendar (Graph's freeBusyStatus).</summary>
public enum BusyStatus
{
    Free,
    Tentative,
    Busy,
    OutOfOffice,
    WorkingElsewhere,
    Unknown,
}
