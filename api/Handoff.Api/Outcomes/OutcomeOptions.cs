using Handoff.Api.Infrastructure;
using Handoff.Scheduling.Time;
using NodaTime;

namespace Handoff.Api.Outcomes;

/// <summary>Settings of outcomes and the report (section "Outcomes"). See docs/outcomes.md.</summary>
public sealed class OutcomeOptions
{
    public const string Section = "Outcomes";

    /// <summary>A meeting this long past its end with no outcome shows as "no outcome yet" (never counted as held).</summary>
    public TimeSpan NoOutcomeAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How long after the meeting's end the brief's one-click outcome links work.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>The org's zone: report weeks run Monday 00:00 to Monday 00:00 here, and months for targets.</summary>
    public string TimeZone { get; set; } = "America/New_York";

    /// <summary>A weekday × hour cell of the held-rate grid needs this many decided meetings before it counts.</summary>
    public int MinSample { get; set; } = 20;

    public DateTimeZone Zone => TimeZoneIds.Resolve(TimeZone);

    public IEnumerable<string> Problems()
    {
        if (NoOutcomeAfter < TimeSpan.Zero) { yield return "Outcomes:NoOutcomeAfter must not be negative, e.g. 3.00:00:00."; }
        if (LinkLifetime <= TimeSpan.Zero) { yield return "Outcomes:LinkLifetime must be positive, e.g. 14.00:00:00."; }
        if (MinSample < 1) { yield return "Outcomes:MinSample must be at least 1."; }
        if (!TimeZoneIds.TryResolve(TimeZone, out _)) { yield return $"Outcomes:TimeZone '{TimeZone}' is not a known IANA or Windows zone id."; }
    }
}
