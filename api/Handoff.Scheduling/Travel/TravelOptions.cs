namespace Handoff.Scheduling.Travel;

/// <summary>
/// Org-wide assumptions of the travel model. Per-RSM speed, buffers and longest drive live in
/// <see cref="Org.TravelProfile"/>; these are the constants around them.
/// </summary>
public sealed class TravelOptions
{
    public const string Section = "Handoff:Travel";

    /// <summary>Road distance ÷ great-circle distance. US road networks average ~1.2–1.4.</summary>
    public double DetourFactor { get; set; } = 1.2;

    /// <summary>Average speed of a flight, gate to gate, over the great-circle distance.</summary>
    public double FlightSpeedKmh { get; set; } = 700;

    /// <summary>Time at both airports and getting to and from them, added to every flight.</summary>
    public double AirportOverheadMinutes { get; set; } = 120;

    /// <summary>Closer than this, two appointments are at the same site: no travel and no buffers between them.</summary>
    public double SameSiteKm { get; set; } = 0.5;

    /// <summary>An RSM appointment this close to the meeting place is "down the street".</summary>
    public double NearbyKm { get; set; } = 25;

    /// <summary>A field plan farther than this from the meeting place means the RSM plans to be elsewhere.</summary>
    public double FieldPlanRadiusKm { get; set; } = 80;

    /// <summary>A reported trip informs an estimate when both its ends lie within this distance of the trip's ends.</summary>
    public double ReportRadiusKm { get; set; } = 25;

    /// <summary>… and it departed within this many hours (of local time of day) of the trip.</summary>
    public double ReportHourWindow { get; set; } = 2;

    /// <summary>Fewer matching reports than this (after outliers are set aside) leave the map estimate alone.</summary>
    public int MinReports { get; set; } = 3;

    /// <summary>
    /// How many reports the map estimate counts as: the estimate moves n ÷ (n + this) of the way to the reported
    /// median, so 3 reports move it 60 %, 6 reports 75 %, 20 reports 91 % (with the default 2).
    /// </summary>
    public double ReportPriorWeight { get; set; } = 2;

    /// <summary>What is wrong with the settings, if anything (for options validation at start-up).</summary>
    public IEnumerable<string> Problems()
    {
        if (DetourFactor is < 1 or > 3)
        {
            yield return $"{nameof(DetourFactor)} must be between 1 and 3 (got {DetourFactor}).";
        }
        if (FlightSpeedKmh is <= 100 or > 1200)
        {
            yield return $"{nameof(FlightSpeedKmh)} must be between 100 and 1200 (got {FlightSpeedKmh}).";
        }
        if (AirportOverheadMinutes is < 0 or > 600)
        {
            yield return $"{nameof(AirportOverheadMinutes)} must be between 0 and 600 (got {AirportOverheadMinutes}).";
        }
        if (SameSiteKm < 0 || NearbyKm <= SameSiteKm || FieldPlanRadiusKm <= 0)
        {
            yield return $"Distances must satisfy 0 ≤ {nameof(SameSiteKm)} < {nameof(NearbyKm)} and {nameof(FieldPlanRadiusKm)} > 0.";
        }
        if (ReportRadiusKm is <= 0 or > 200 || ReportHourWindow is <= 0 or > 12 || MinReports is < 1 or > 100 || ReportPriorWeight is < 0 or > 100)
        {
            yield return $"Field reports: {nameof(ReportRadiusKm)} 0–200, {nameof(ReportHourWindow)} 0–12, {nameof(MinReports)} 1–100, {nameof(ReportPriorWeight)} 0–100.";
        }
    }
}
