using Handoff.Scheduling.Routing.Modes;

namespace Handoff.Api.Routing;

/// <summary>Settings of the assignment modes (section "Routing"). See docs/routing.md.</summary>
public sealed class RoutingOptions
{
    public const string Section = "Routing";

    /// <summary>Performance mode: pseudo-meetings at the pool's mean each RSM's rates start from (k).</summary>
    public double PriorStrength { get; set; } = PerformanceOptions.Default.PriorStrength;

    /// <summary>Performance mode: no RSM's share falls below this fraction of their plain weighted share (0–1).</summary>
    public double Floor { get; set; } = PerformanceOptions.Default.Floor;

    /// <summary>Performance mode: outcomes of handoffs that started this many days back count.</summary>
    public int WindowDays { get; set; } = PerformanceOptions.Default.WindowDays;

    /// <summary>How far back out-of-office items are read for calibration (Graph reads at most 62 days with the look-ahead).</summary>
    public int AbsenceLookbackDays { get; set; } = 45;

    /// <summary>First available: business days searched for each RSM of the pool.</summary>
    public int FirstAvailableBusinessDays { get; set; } = 10;

    /// <summary>First available: the meeting length searched for.</summary>
    public int FirstAvailableMinutes { get; set; } = 60;

    public PerformanceOptions Performance => new(PriorStrength, Floor, WindowDays);

    public IEnumerable<string> Problems()
    {
        if (PriorStrength is < 0 or > 1000) { yield return "Routing:PriorStrength must be 0–1000, e.g. 10."; }
        if (Floor is < 0 or > 1) { yield return "Routing:Floor must be 0–1, e.g. 0.5."; }
        if (WindowDays is < 1 or > 730) { yield return "Routing:WindowDays must be 1–730, e.g. 90."; }
        if (AbsenceLookbackDays is < 0 or > 45) { yield return "Routing:AbsenceLookbackDays must be 0–45 (Graph reads at most 62 days)."; }
        if (FirstAvailableBusinessDays is < 1 or > 20) { yield return "Routing:FirstAvailableBusinessDays must be 1–20."; }
        if (FirstAvailableMinutes is < 15 or > 480) { yield return "Routing:FirstAvailableMinutes must be 15–480."; }
    }
}
