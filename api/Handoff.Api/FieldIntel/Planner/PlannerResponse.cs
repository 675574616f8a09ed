using System.Globalization;
using System.Text;
using Handoff.Api.Admin.FieldPlans;
using Handoff.Api.Infrastructure;
using Handoff.Scheduling.Field;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Time;

namespace Handoff.Api.FieldIntel.Planner;

public sealed record ClusterDto(string Id, string Name, double Latitude, double Longitude, IReadOnlyList<string> Territories);

public sealed record PlannedDto(Guid Id, string From, string To, string Place, int Confidence, string? Note);

/// <param name="Start">Local time in the RSM's zone with its offset.</param>
public sealed record MeetingDto(string Start, string End, string Subject, string Place);

/// <param name="OpenHours">Working hours those days that no calendar item takes, in the RSM's own zone (one decimal).</param>
/// <param name="Summary">"Dana Ruiz is in Sacramento Wed–Thu, 6 open hours".</param>
public sealed record PresenceDto(
    string Email, string Name, string TimeZone, IReadOnlyList<string> Days, IReadOnlyList<PlannedDto> Plans, IReadOnlyList<MeetingDto> Meetings, double OpenHours, string Summary);

public sealed record ClusterWeekDto(string ClusterId, string Cluster, IReadOnlyList<string> Territories, double OpenHours, IReadOnlyList<PresenceDto> Rsms);

/// <param name="Week">The Monday, "2026-12-07".</param>
public sealed record WeekDto(string Week, IReadOnlyList<ClusterWeekDto> Places);

public sealed record PlannerResponse(string From, string To, IReadOnlyList<ClusterDto> Clusters, IReadOnlyList<WeekDto> Weeks, IReadOnlyList<UnavailableCalendar> UnavailableCalendars)
{
    public static PlannerResponse Of(PlannerReport r, IReadOnlyList<UnavailableCalendar> unavailable) => new(
        Dates.Format(r.Dates.Start), Dates.Format(r.Dates.End),
        r.Clusters.Select(c => new ClusterDto(c.Id, c.Name, c.Center.Point.Latitude, c.Center.Point.Longitude, c.Territories)).ToArray(),
        r.Weeks.Select(w => new WeekDto(Dates.Format(w.Monday), w.Clusters.Select(cw => new ClusterWeekDto(
            cw.Cluster.Id, cw.Cluster.Name, cw.Cluster.Territories, Hours(cw.OpenTime),
            cw.Rsms.Select(p => new PresenceDto(p.RsmEmail, p.Name, p.Zone.Id, p.Days.Select(Dates.Format).ToArray(),
                p.Plans.Select(f => new PlannedDto(f.Id, Dates.Format(f.Dates.Start), Dates.Format(f.Dates.End), PlaceNames.Short(f.Place), f.ConfidencePercent, f.Note)).ToArray(),
                p.Meetings.Select(m => new MeetingDto(Local(m.When.Start, p.Zone), Local(m.When.End, p.Zone), m.Subject, m.Place.Label)).ToArray(),
                Hours(p.OpenTime), p.Summary(cw.Cluster.Name))).ToArray())).ToArray())).ToArray(),
        unavailable);

    private static double Hours(NodaTime.Duration d) => Math.Round(d.TotalHours, 1);

    private static string Local(NodaTime.Instant at, NodaTime.DateTimeZone zone) =>
        NodaTime.Text.OffsetDateTimePattern.Rfc3339.Format(at.InZone(zone).ToOffsetDateTime());

    /// <summary>One row per week, place and RSM: what marketing pastes into a spreadsheet.</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder("week,place,territories,rsm_email,rsm_name,days,plans,meetings,open_hours\r\n");
        foreach (var week in Weeks)
        {
            foreach (var place in week.Places)
            {
                foreach (var rsm in place.Rsms)
                {
                    var plans = string.Join("; ", rsm.Plans.Select(p => $"{p.Place} {p.From}..{p.To} ({p.Confidence} %)"));
                    csv.Append(string.Join(',', new[]
                    {
                        week.Week, place.Cluster, string.Join("; ", place.Territories), rsm.Email, rsm.Name, string.Join(' ', rsm.Days), plans,
                        rsm.Meetings.Count.ToString(CultureInfo.InvariantCulture), rsm.OpenHours.ToString("0.#", CultureInfo.InvariantCulture),
                    }.Select(Field))).Append("\r\n");
                }
            }
        }
        return csv.ToString();
    }

    /// <summary>RFC 4180 quoting, and a leading quote for cells a spreadsheet would run as a formula.</summary>
    private static string Field(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0]))
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
