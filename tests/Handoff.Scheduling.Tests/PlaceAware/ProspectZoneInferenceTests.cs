using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Org;
using NodaTime;
using NodaTime.Testing;
using static Handoff.Scheduling.Tests.PlaceAware.Geo;

namespace Handoff.Scheduling.Tests.PlaceAware;

/// <summary>Which zone the check uses for the prospect, and how it says where it came from.</summary>
public class ProspectZoneInferenceTests
{
    private static readonly RsmProfile Dana = Crew.Dana();
    private static readonly Territory West = new(Guid.NewGuid(), "West", new TerritoryRules(Regions: ["US-CA"]), [new TerritoryAssignment(Dana.Email, 1)], DefaultProspectZone: Pacific);
    private static readonly Territory East = new(Guid.NewGuid(), "East", new TerritoryRules(Regions: ["US-NY"]), [], DefaultProspectZone: Eastern);

    private StubCalendars _calendars = null!;

    [SetUp]
    public void SetUp() => _calendars = new StubCalendars();

    private async Task<CheckResult> CheckAsync(string? location, DateTimeZone? prospectZone = null, string[]? attendees = null)
    {
        // 7:00 AM Pacific Thursday: before business hours on the West Coast, fine in New York.
        var start = Local("2026-04-16T07:00", Pacific);
        var org = new OrgSnapshot([Dana], [West, East], internalDomains: ["example.com"]);
        var service = new MeetingCheckService(new StubDirectory(org), _calendars, new FakeClock(Utc("2026-04-13T12:00:00Z")),
            new MeetingChecker(), new CheckOptions(), new PlaceBook());
        var request = new MeetingRequest(new Interval(start, start + Duration.FromHours(1)), Eastern,
            attendees ?? [Dana.Email, "cfo@acme.example"], "sdr@example.com", location, prospectZone);
        return await service.CheckAsync(request, CancellationToken.None);
    }

    [Test]
    public async Task ExplicitZone_WinsOverTheLocation()
    {
        var result = await CheckAsync(FresnoText, Eastern);

        Assert.Multiple(() =>
        {
            Assert.That(result.Draft.Prospect.Zone, Is.EqualTo(Eastern));
            Assert.That(result.Draft.Prospect.Source, Is.EqualTo(ZoneSource.Request));
            Assert.That(result.Draft.Prospect.PlaceName, Is.EqualTo("Fresno"));
        });
    }

    [Test]
    public async Task LocationZone_IsInferredAndQuoted_AndMessagesNameThePlace()
    {
        var result = await CheckAsync(FresnoText);

        var prospect = result.Draft.Prospect;
        Assert.Multiple(() =>
        {
            Assert.That(prospect.Zone, Is.EqualTo(Pacific));
            Assert.That(prospect.Source, Is.EqualTo(ZoneSource.Location));
            Assert.That(prospect.SourceDetail, Is.EqualTo("inferred from 'Fresno, CA 93706'"));
            Assert.That(result.Warnings.Single(w => w.Code == WarningCodes.ProspectOutsideBusinessHours).Message, Is.EqualTo(
                "10:00 AM your time is 7:00 AM Thursday for the prospect in Fresno (Pacific Time), before their business hours (8:00 AM–6:00 PM)."));
        });
    }

    [Test]
    public async Task UnplaceableLocation_FallsBackToTheRsmsTerritoryDefault()
    {
        var result = await CheckAsync("Acme HQ, Building 4");

        Assert.Multiple(() =>
        {
            Assert.That(result.Draft.Prospect.Zone, Is.EqualTo(Pacific));
            Assert.That(result.Draft.Prospect.Source, Is.EqualTo(ZoneSource.Territory));
            Assert.That(result.Draft.Prospect.SourceDetail, Is.EqualTo("the default of Dana Ruiz's territory West ('Acme HQ, Building 4' could not be placed)"));
        });
    }

    [Test]
    public async Task PlaceWithoutZone_UsesTheOwningTerritorysDefault()
    {
        var result = await CheckAsync("Albany, NY");

        Assert.Multiple(() =>
        {
            Assert.That(result.Draft.Prospect.Zone, Is.EqualTo(Eastern));
            Assert.That(result.Draft.Prospect.Source, Is.EqualTo(ZoneSource.Territory));
            Assert.That(result.Draft.Prospect.SourceDetail, Is.EqualTo("the default of territory East, which covers Albany, NY 12207"));
        });
    }

    [Test]
    public async Task NoProspectAndNoPlace_LeavesTheZoneUnknown()
    {
        var result = await CheckAsync("Online", attendees: [Dana.Email, "sdr.two@example.com"]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Draft.Prospect.Zone, Is.Null);
            Assert.That(result.Draft.Prospect.Source, Is.EqualTo(ZoneSource.Unknown));
        });
    }

    [Test]
    public async Task TheCheckReadsCalendarsOnce_OverTheMeetingsDays()
    {
        await CheckAsync(FresnoText);

        Assert.That(_calendars.Reads, Has.Count.EqualTo(1));
        Assert.That(_calendars.Reads[0].Window, Is.EqualTo(new Interval(Utc("2026-04-16T00:00:00Z"), Utc("2026-04-18T00:00:00Z"))));
    }
}
