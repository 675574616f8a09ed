using System.Globalization;
using CsvHelper;
using Handoff.Api.Admin.Territories;

namespace Handoff.Api.Outcomes.Reports;

/// <summary>The report's tables as CSV (invariant culture, rates as fractions, empty cells for "no rate").</summary>
public static class ReportCsv
{
    public static readonly string[] Tables = ["groups", "weeks", "slips", "sentAnyway", "rsms", "fairShares", "grid", "targets"];

    public static readonly string[] FigureColumns =
    [
        "booked", "held", "opportunities", "noShows", "canceled", "disqualified", "upcoming", "awaitingOutcome", "noOutcomeYet", "pastActive",
        "heldRate", "noShowRate", "opportunityRate", "opportunityAmount", "speedToLeadWithLeadTime", "speedToLeadMedianMinutes",
        "speedToLeadP90Minutes", "speedToLeadWithinHourShare", "leadToMeetingDaysMedian", "slipsPrevented", "sentWithWarnings",
    ];

    public static string Write(HandoffReport report, string table)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = new CsvWriter(text, CultureInfo.InvariantCulture);
        void Row(params object?[] cells)
        {
            foreach (var cell in cells)
            {
                csv.WriteField(cell switch
                {
                    null => "",
                    double d => d.ToString("0.####", CultureInfo.InvariantCulture),
                    decimal m => m.ToString("0.##", CultureInfo.InvariantCulture),
                    string s => SpreadsheetSafe.Write(s),
                    _ => Convert.ToString(cell, CultureInfo.InvariantCulture),
                });
            }
            csv.NextRecord();
        }
        switch (table)
        {
            case "groups" or "weeks":
                Row([report.GroupBy == "week" || table == "weeks" ? "week" : report.GroupBy, .. FigureColumns]);
                foreach (var g in table == "weeks" ? report.Weeks : report.Groups)
                {
                    Row([g.Key, .. Cells(g.Figures)]);
                }
                break;
            case "slips":
                Row("code", "prevented");
                foreach (var s in report.SlipsPrevented) { Row(s.Code, s.Count); }
                break;
            case "sentAnyway":
                Row("code", "sent", "noShows", "noShowRate");
                foreach (var s in report.SentAnyway) { Row(s.Code, s.Count, s.NoShows, s.NoShowRate); }
                break;
            case "rsms":
                Row("rsm", "handoffs", "share", "heldRate", "noShowRate");
                foreach (var r in report.RsmDistribution) { Row(r.Rsm, r.Handoffs, r.Share, r.HeldRate, r.NoShowRate); }
                break;
            case "fairShares":
                // One row per RSM and routing period; a territory without a fair share (priority, first available) is one row with its note.
                Row("territory", "mode", "periodFrom", "periodTo", "complete", "rsm", "name", "weight", "handoffs", "fairShare", "difference", "note");
                foreach (var t in report.FairShares)
                {
                    if (t.Periods.Count == 0) { Row(t.Territory, t.Mode, "", "", "", "", "", "", "", "", "", t.Note ?? ""); }
                    foreach (var p in t.Periods)
                    {
                        foreach (var r in p.Rsms)
                        {
                            Row(t.Territory, t.Mode, p.From, p.To, p.Complete ? "true" : "false", r.Rsm, r.Name, r.Weight, r.Handoffs, r.FairShare, r.Difference, "");
                        }
                    }
                }
                break;
            case "grid":
                // The org's cells first (slice "org", no name), then each vertical's and region's.
                Row("slice", "name", "day", "hour", "held", "noShows", "heldRate", "sampled");
                foreach (var (kind, name, cells) in report.Grid.Slices.Select(s => (s.Kind, s.Name, s.Cells)).Prepend(("org", "", report.Grid.Cells)))
                {
                    foreach (var c in cells) { Row(kind, name, c.Day, c.Hour, c.Held, c.NoShows, c.HeldRate, c.Sampled ? "true" : "false"); }
                }
                break;
            default:
                Row("month", "scope", "subject", "targetHandoffs", "handoffs", "progress", "targetHeld", "held");
                foreach (var t in report.Targets) { Row(t.Month, t.Scope, t.Subject, t.TargetHandoffs, t.Handoffs, t.Progress, t.TargetHeld, t.Held); }
                break;
        }
        csv.Flush();
        return text.ToString();
    }

    public static object?[] Cells(Figures f) =>
    [
        f.Booked, f.Held, f.Opportunities, f.NoShows, f.Canceled, f.Disqualified, f.Upcoming, f.AwaitingOutcome, f.NoOutcomeYet, f.PastActive,
        f.HeldRate, f.NoShowRate, f.OpportunityRate, f.OpportunityAmount, f.SpeedToLead.WithLeadTime, f.SpeedToLead.MedianMinutes,
        f.SpeedToLead.P90Minutes, f.SpeedToLead.WithinHourShare, f.LeadToMeetingDaysMedian, f.SlipsPrevented, f.SentWithWarnings,
    ];
}
