using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Time;
using NodaTime;
using NodaTime.Text;

namespace Handoff.Scheduling.Tests;

/// <summary>Sample values shared by the core tests.</summary>
internal static class Samples
{
    public static readonly DateTimeZone NewYork = TimeZoneIds.Resolve("America/New_York");
    public static readonly DateTimeZone LosAngeles = TimeZoneIds.Resolve("America/Los_Angeles");
    public static readonly Instant Now = Utc("2026-11-22T12:00:00Z");

    public static Instant Utc(string text) => InstantPattern.ExtendedIso.Parse(text).Value;

    public static Interval Meeting(string startUtc, int minutes = 60) =>
        new(Utc(startUtc), Utc(startUtc) + Duration.FromMinutes(minutes));

    public static RsmProfile Rsm(string name = "Dana Ruiz", string email = "rsm.west@example.com", DateTimeZone? zone = null) =>
        new(email, name, zone ?? LosAngeles);

    public static RsmContext RsmWith(params BusyBlock[] items) => RsmIn(LosAngeles, items);

    public static RsmContext RsmIn(DateTimeZone zone, params BusyBlock[] items) =>
        new(Rsm(zone: zone), zone, WorkingHours.Weekdays(new LocalTime(8, 0), new LocalTime(17, 0)), items);

    public static ProspectContext Prospect(DateTimeZone? zone, string? place = null) =>
        new(zone, WorkingHours.DefaultBusinessHours, ["cfo@acme-metals.example"], place, zone is null ? ZoneSource.Unknown : ZoneSource.Request);

    public static MeetingDraft Draft(Interval meeting, DateTimeZone organizer, ProspectContext? prospect = null, params RsmContext[] rsms) =>
        new(meeting, organizer, "sdr@example.com", prospect ?? Prospect(null), rsms);

    public static BusyBlock Block(string startUtc, string endUtc, BusyStatus status, string? subject = null, string? location = null, bool isPrivate = false) =>
        new(new Interval(Utc(startUtc), Utc(endUtc)), status, location, subject, isPrivate);

    public static CheckResult Check(MeetingDraft draft, Instant? now = null) => new MeetingChecker().Evaluate(draft, now ?? Now);
}
