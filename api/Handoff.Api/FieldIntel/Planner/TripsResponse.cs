using Handoff.Api.Admin.FieldPlans;
using Handoff.Scheduling.Field;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Time;
using NodaTime;
using NodaTime.Text;

namespace Handoff.Api.FieldIntel.Planner;

/// <param name="Label">"10:00 AM–12:30 PM Pacific Time (2 h 30 min)".</param>
public sealed record SlotDto(string Start, string End, int Minutes, string Label);

public sealed record NearbyTerritoryDto(Guid Id, string Name, double DistanceKm);

public sealed record NearbyAccountDto(string Place, double DistanceKm);

public sealed record TripDto(
    string Date, string Start, string End, string Subject, string Place, IReadOnlyList<SlotDto> OpenBefore, IReadOnlyList<SlotDto> OpenAfter,
    IReadOnlyList<NearbyTerritoryDto> Territories, IReadOnlyList<NearbyAccountDto> Accounts);

/// <param name="CalendarProblem">Why the RSM's calendar could not be read, when it could not.</param>
public sealed record TripsResponse(string Email, string Name, double RadiusKm, IReadOnlyList<TripDto> Trips, string? CalendarProblem = null)
{
    public static TripsResponse From(RsmProfile rsm, DateTimeZone zone, double radiusKm, IReadOnlyList<TripView> views) => new(
        rsm.Email, rsm.DisplayName, radiusKm,
        views.Select(v => new TripDto(Dates.Format(v.Date), Local(v.Meeting.Interval.Start, zone), Local(v.Meeting.Interval.End, zone),
            v.Meeting.Item.Subject ?? "In-person meeting", v.Meeting.Place!.Label,
            v.OpenBefore.Select(s => Slot(s, zone)).ToArray(), v.OpenAfter.Select(s => Slot(s, zone)).ToArray(),
            v.Territories.Select(t => new NearbyTerritoryDto(t.Territory.Id, t.Territory.Name, t.DistanceKm)).ToArray(),
            v.Accounts.Select(a => new NearbyAccountDto(a.Label, a.DistanceKm)).ToArray())).ToArray());

    private static SlotDto Slot(Interval slot, DateTimeZone zone) => new(Local(slot.Start, zone), Local(slot.End, zone), (int)slot.Duration.TotalMinutes,
        $"{Formats.Range(slot.Start.InZone(zone), slot.End.InZone(zone))} {ZoneNames.Friendly(zone)} ({Formats.Span(slot.Duration)})");

    private static string Local(Instant at, DateTimeZone zone) => OffsetDateTimePattern.Rfc3339.Format(at.InZone(zone).ToOffsetDateTime());
}
