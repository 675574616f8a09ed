using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Time;
using NodaTime;
using NodaTime.Testing;
using static Handoff.Scheduling.Tests.Samples;

namespace Handoff.Scheduling.Tests;

public class MeetingCheckServiceTests
{
    private sealed class Directory(OrgSnapshot snapshot) : IOrgDirectory
    {
        public ValueTask<OrgSnapshot> GetSnapshotAsync(CancellationToken cancellationToken) => ValueTask.FromResult(snapshot);
    }

    private sealed class RecordingCalendars(Func<string, CalendarLookup> answer) : ICalendarSource
    {
        public List<(IReadOnlyList<string> Emails, Interval Window)> Calls { get; } = [];

        public Task<IReadOnlyList<CalendarLookup>> ReadAsync(IReadOnlyList<string> emails, Interval window, CancellationToken cancellationToken)
        {
            Calls.Add((emails, window));
            return Task.FromResult<IReadOnlyList<CalendarLookup>>(emails.Select(answer).ToArray());
        }
    }

    private static readonly RsmProfile West = new("rsm.west@example.com", "Dana Ruiz");
    private static readonly RsmProfile East = new("Rsm.East@Example.com", "Priya Shah", TimeZoneIds.Resolve("America/New_York"));
    private static readonly RsmProfile Retired = new("rsm.retired@example.com", "Old Hand", Active: false);

    private static (MeetingCheckService Service, RecordingCalendars Calendars) Create(Func<string, CalendarLookup>? answer = null)
    {
        var snapshot = new OrgSnapshot([West, East, Retired], internalDomains: ["corp.example"]);
        var calendars = new RecordingCalendars(answer ?? (e => CalendarLookup.Found(e, new RsmCalendar([], null, LosAngeles))));
        var service = new MeetingCheckService(new Directory(snapshot), calendars, new FakeClock(Now), new MeetingChecker(), new CheckOptions());
        return (service, calendars);
    }

    private static MeetingRequest Request(params string[] attendees) =>
        new(Meeting("2026-12-03T18:00:00Z"), TimeZoneIds.Resolve("Eastern Standard Time"), attendees, "sdr@example.com");

    [Test]
    public async Task Attendees_AreSortedIntoRsmsProspectsAndColleagues()
    {
        var (service, _) = Create();

        var result = await service.CheckAsync(
            Request("RSM.WEST@example.com", "rsm.east@example.com", "cfo@acme-metals.example", "manager@example.com", "ops@corp.example", "rsm.retired@example.com"),
            CancellationToken.None);

        Assert.That(result.Draft.Rsms.Select(r => r.Name), Is.EqualTo(new[] { "Dana Ruiz", "Priya Shah" }));
        Assert.That(result.Draft.Prospect.Emails, Is.EqualTo(new[] { "cfo@acme-metals.example" }));
    }

    [Test]
    public async Task AllRsms_AreReadInOneCall_OverWholeUtcDaysAroundTheMeeting()
    {
        var (service, calendars) = Create();

        await service.CheckAsync(Request("rsm.west@example.com", "rsm.east@example.com"), CancellationToken.None);

        Assert.That(calendars.Calls, Has.Count.EqualTo(1));
        Assert.That(calendars.Calls[0].Emails, Is.EqualTo(new[] { "rsm.west@example.com", "Rsm.East@Example.com" }));
        Assert.That(calendars.Calls[0].Window, Is.EqualTo(new Interval(Utc("2026-12-03T00:00:00Z"), Utc("2026-12-05T00:00:00Z"))));
    }

    [Test]
    public async Task NoRsm_ReadsNoCalendar()
    {
        var (service, calendars) = Create();

        var result = await service.CheckAsync(Request("cfo@acme-metals.example"), CancellationToken.None);

        Assert.That(calendars.Calls, Is.Empty);
        Assert.That(result.Warnings.Select(w => w.Code), Does.Contain(WarningCodes.NoRsmAttendee));
    }

    [Test]
    public async Task RsmZone_AdminOverrideWinsOverTheCalendar_CalendarOverTheOrganizer()
    {
        var (service, _) = Create(e => CalendarLookup.Found(e, new RsmCalendar([], null, TimeZoneIds.Resolve("America/Chicago"))));

        var result = await service.CheckAsync(Request("rsm.west@example.com", "rsm.east@example.com"), CancellationToken.None);

        Assert.That(result.Draft.Rsms.Select(r => r.Zone.Id), Is.EqualTo(new[] { "America/Chicago", "America/New_York" }));
    }

    [Test]
    public async Task FailedMailbox_StillChecksTheOthers()
    {
        var (service, _) = Create(e => e.StartsWith("rsm.west", StringComparison.OrdinalIgnoreCase)
            ? CalendarLookup.Failed(e, new CalendarProblem("unknown mailbox", Outage: false))
            : CalendarLookup.Found(e, new RsmCalendar([new BusyBlock(Meeting("2026-12-03T18:00:00Z"), BusyStatus.Busy)], null, null)));

        var result = await service.CheckAsync(Request("rsm.west@example.com", "rsm.east@example.com"), CancellationToken.None);

        Assert.That(result.Warnings.Select(w => (w.Code, w.Party.Email)), Is.SupersetOf(new[]
        {
            (WarningCodes.RsmBusy, (string?)"Rsm.East@Example.com"),
            (WarningCodes.RsmCalendarUnavailable, (string?)"rsm.west@example.com"),
        }));
    }

    [Test]
    public async Task ProspectZoneFromTheRequest_IsUsedAndSaidSo()
    {
        var (service, _) = Create();

        var result = await service.CheckAsync(Request("cfo@acme-metals.example") with { ProspectZone = LosAngeles }, CancellationToken.None);

        Assert.That(result.Draft.Prospect.Zone, Is.EqualTo(LosAngeles));
        Assert.That(result.Draft.Prospect.Source, Is.EqualTo(ZoneSource.Request));
    }
}
