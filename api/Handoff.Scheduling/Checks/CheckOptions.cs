using Handoff.Scheduling.Calendars;

namespace Handoff.Scheduling.Checks;

/// <summary>Org-wide defaults the checks fall back to.</summary>
public sealed class CheckOptions
{
    /// <summary>A prospect's business hours, in the prospect's zone. Default Mon–Fri 08:00–18:00.</summary>
    public WorkingHours ProspectBusinessHours { get; set; } = WorkingHours.DefaultBusinessHours;

    /// <summary>An RSM's hours when neither the admin nor the calendar gives any. Default Mon–Fri 08:00–17:00.</summary>
    public WorkingHours DefaultRsmWorkingHours { get; set; } = WorkingHours.Weekdays(new(8, 0), new(17, 0));
}
