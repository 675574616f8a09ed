using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Routing.Modes;
using Handoff.Scheduling.Time;
using NodaTime;
using NodaTime.Text;

namespace Handoff.Storage;

/// <summary>Translates stored rows to the core's records and back: the core never sees an entity.</summary>
public static class OrgMapping
{
    private static readonly LocalTimePattern HoursPattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    public static RsmProfile ToProfile(this RsmEntity rsm) => new(
        rsm.Email,
        rsm.DisplayName,
        TimeZoneIds.TryResolve(rsm.TimeZone, out var zone) ? zone : null,
        rsm.HomeBase?.ToPlace(),
        rsm.WorkingHours?.ToWorkingHours(),
        Tags.Split(rsm.Verticals),
        rsm.Travel?.ToTravel(),
        rsm.Active);

    /// <summary>Needs <see cref="TerritoryAssignmentEntity.Rsm"/> loaded: the core knows RSMs by e-mail.</summary>
    public static Territory ToTerritory(this TerritoryEntity t) => new(
        t.Id,
        t.Name,
        new TerritoryRules(t.Rules.Countries, t.Rules.Regions, t.Rules.PostalPrefixes,
            t.Rules.Radii.Select(r => new RadiusRule(new GeoPoint(r.Center.Latitude, r.Center.Longitude), r.RadiusKm)).ToArray()),
        t.Assignments.OrderBy(a => a.Priority).Select(a => new TerritoryAssignment(a.Rsm!.Email, a.Priority, a.Weight, a.AddedAt)).ToArray(),
        Tags.Split(t.Verticals),
        TimeZoneIds.TryResolve(t.DefaultProspectTimeZone, out var zone) ? zone : null,
        new RoutingSettings(t.RoutingMode, t.RoutingPeriod, t.CreditBack));

    /// <summary>Needs <see cref="FieldPlanEntity.Rsm"/> loaded.</summary>
    public static FieldPlan ToFieldPlan(this FieldPlanEntity p) =>
        new(p.Id, p.Rsm!.Email, new DateInterval(p.From, p.To), p.Place.ToPlace(), p.Confidence, p.Note, p.Leave);

    public static Place ToPlace(this PlaceData p) =>
        new(p.Label, new GeoPoint(p.Latitude, p.Longitude), p.ZoneId, p.Country, p.Region, p.PostalCode, p.City);

    public static PlaceData ToData(this Place p) =>
        new(p.Label, p.Point.Latitude, p.Point.Longitude, p.ZoneId, p.Country, p.Region, p.PostalCode, p.City);

    public static TravelProfile ToTravel(this TravelData t) => new(
        t.AverageSpeedKmh, Duration.FromMinutes(t.BufferBeforeMinutes), Duration.FromMinutes(t.BufferAfterMinutes),
        Duration.FromMinutes(t.LongestDriveMinutes));

    public static TravelData ToData(this TravelProfile t) => new(
        t.AverageSpeedKmh, (int)t.BufferBefore.TotalMinutes, (int)t.BufferAfter.TotalMinutes, (int)t.LongestDrive.TotalMinutes);

    public static WorkingHours ToWorkingHours(this WorkingHoursData data) =>
        new(Days(data).Select(d => KeyValuePair.Create(d.Day, new DailyHours(ParseTime(d.Hours.Start), ParseTime(d.Hours.End)))));

    public static WorkingHoursData ToData(this WorkingHours hours)
    {
        DayHoursData? On(IsoDayOfWeek day) => hours.On(day) is { } h ? new DayHoursData(FormatTime(h.Start, false), FormatTime(h.End, true)) : null;
        return new WorkingHoursData(On(IsoDayOfWeek.Monday), On(IsoDayOfWeek.Tuesday), On(IsoDayOfWeek.Wednesday),
            On(IsoDayOfWeek.Thursday), On(IsoDayOfWeek.Friday), On(IsoDayOfWeek.Saturday), On(IsoDayOfWeek.Sunday));
    }

    public static IEnumerable<(IsoDayOfWeek Day, DayHoursData Hours)> Days(WorkingHoursData data)
    {
        var days = new[] { data.Monday, data.Tuesday, data.Wednesday, data.Thursday, data.Friday, data.Saturday, data.Sunday };
        for (var i = 0; i < days.Length; i++)
        {
            if (days[i] is { } hours)
            {
                yield return ((IsoDayOfWeek)(i + 1), hours);
            }
        }
    }

    /// <summary>"HH:mm", or "24:00" for the end of the day (midnight).</summary>
    public static bool TryParseTime(string? text, out LocalTime time)
    {
        time = LocalTime.Midnight;
        if (text is "24:00")
        {
            return true;
        }
        var result = text is null ? null : HoursPattern.Parse(text.Trim());
        if (result is not { Success: true })
        {
            return false;
        }
        time = result.Value;
        return true;
    }

    public static LocalTime ParseTime(string text) =>
        TryParseTime(text, out var time) ? time : throw new FormatException($"'{text}' is not a time such as 08:30.");

    public static string FormatTime(LocalTime time, bool isEnd) =>
        isEnd && time == LocalTime.Midnight ? "24:00" : HoursPattern.Format(time);
}
