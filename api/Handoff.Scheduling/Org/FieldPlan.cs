using Handoff.Scheduling.Places;
using NodaTime;

namespace Handoff.Scheduling.Org;

/// <summary>
/// Where an RSM expects to be over a range of dates (inclusive), and how sure they are (0–100). A plan marked
/// <see cref="Leave"/> means they are off those days: routing skips them and calibrates them back in.
/// </summary>
public sealed record FieldPlan(Guid Id, string RsmEmail, DateInterval Dates, Place Place, int ConfidencePercent, string? Note = null, bool Leave = false);
