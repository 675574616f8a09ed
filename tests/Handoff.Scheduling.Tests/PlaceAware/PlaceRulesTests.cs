using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Org;
using NodaTime;
using static Handoff.Scheduling.Tests.PlaceAware.Geo;

namespace Handoff.Scheduling.Tests.PlaceAware;

/// <summary>Field plans and territory routing on the check (Thursday 2026-04-16).</summary>
public class PlaceRulesTests
{
    private static readonly RsmProfile Dana = Crew.Dana();
    private static readonly RsmProfile Marcus = Crew.Rsm("marcus@example.com", "Marcus Bell", TimeZoneIdsChicago(), null, "food-processing");
    private static readonly RsmProfile Alex = Crew.Rsm("alex@example.com", "Alex Kim", Mountain, Denver, "metals-recycling", "mining");

    private static readonly Territory West = new(Guid.NewGuid(), "West", new TerritoryRules(Regions: ["US-CA"]), [new TerritoryAssignment(Dana.Email, 1)], DefaultProspectZone: Pacific);
    private static readonly Territory Central = new(Guid.NewGuid(), "Central", new TerritoryRules(Regions: ["US-IL"]), [new TerritoryAssignment(Marcus.Email, 1)]);

    private static OrgSnapshot Org(params FieldPlan[] plans) => new([Dana, Marcus, Alex], [West, Central], plans, ["example.com"]);

    private static FieldPlan Plan(string date, int confidence, string? note = "Trade show") =>
        new(Guid.NewGuid(), Dana.Email, new DateInterval(Day(date), Day(date)), Sacramento, confidence, note);

    [Test]
    public async Task FieldPlanElsewhere_WarnsWithConfidenceAndDistance()
    {
        var result = await TravelRuleTests.CheckAsync("2026-04-16T13:00", FresnoText, Org(Plan("2026-04-16", 80)), Dana);

        Assert.That(result.Warnings, Is.EqualTo(new[]
        {
            new Warning(WarningCodes.FieldPlanElsewhere, Severity.Warning, new PartyRef(PartyKind.Rsm, Dana.Email),
                "Dana Ruiz plans to be in Sacramento on Thursday, Apr 16 (Trade show, 80 % likely), about 254 km from Fresno."),
        }));
    }

    [Test]
    public async Task FieldPlanAtTheMeetingPlace_OrAnotherDay_IsFine()
    {
        var there = await TravelRuleTests.CheckAsync("2026-04-16T13:00", SacramentoText, Org(Plan("2026-04-16", 80)), Crew.Dana(home: Sacramento));
        var otherDay = await TravelRuleTests.CheckAsync("2026-04-16T13:00", FresnoText, Org(Plan("2026-04-17", 80)), Dana);

        Assert.Multiple(() =>
        {
            Assert.That(there.Warnings, Is.Empty);
            Assert.That(otherDay.Warnings, Is.Empty);
        });
    }

    [Test]
    public async Task ProspectInAnotherRsmsTerritory_NamesTheOwner()
    {
        var result = await TravelRuleTests.CheckAsync("2026-04-16T13:00", "Online", Org(), Marcus);
        var inFresno = await CheckOnlyRoutingAsync(FresnoText, Marcus);

        Assert.Multiple(() =>
        {
            Assert.That(result.Warnings, Is.Empty, "an online meeting has no place to route");
            Assert.That(inFresno.Warnings, Is.EqualTo(new[]
            {
                new Warning(WarningCodes.OutsideTerritory, Severity.Warning, new PartyRef(PartyKind.Rsm, Marcus.Email),
                    "Fresno, CA 93706 belongs to Dana Ruiz, not Marcus Bell: region US-CA in territory West."),
            }));
        });
    }

    [Test]
    public async Task VerticalSpecialist_IsSuggestedWhenNoInvitedRsmSpecialises()
    {
        var withMarcus = await CheckOnlyRoutingAsync("Online", Marcus, "mining");
        var withAlex = await CheckOnlyRoutingAsync("Online", Alex, "mining");

        Assert.Multiple(() =>
        {
            Assert.That(withMarcus.Warnings, Is.EqualTo(new[]
            {
                new Warning(WarningCodes.VerticalSpecialist, Severity.Info, PartyRef.Organizer,
                    "Alex Kim (alex@example.com) specialises in mining; consider inviting them or handing the meeting over."),
            }));
            Assert.That(withAlex.Warnings, Is.Empty);
        });
    }

    [Test]
    public async Task VerticalSpecialist_InTheTerritory_SaysSo()
    {
        var result = await CheckOnlyRoutingAsync(SacramentoText, Dana, "metals-recycling");
        var specialistElsewhere = await CheckOnlyRoutingAsync(SacramentoText, Dana, "mining");

        Assert.Multiple(() =>
        {
            Assert.That(result.Warnings, Is.Empty, "Dana is the owner and the specialist");
            Assert.That(specialistElsewhere.Warnings.Single().Message, Is.EqualTo(
                "Alex Kim (alex@example.com) specialises in mining; consider inviting them or handing the meeting over."));
        });
    }

    private static async Task<CheckResult> CheckOnlyRoutingAsync(string location, RsmProfile rsm, string? vertical = null)
    {
        var start = Local("2026-04-16T13:00", Pacific);
        var service = new MeetingCheckService(new StubDirectory(Org()), new StubCalendars(), new NodaTime.Testing.FakeClock(Utc("2026-04-13T12:00:00Z")),
            new MeetingChecker([new Routing.TerritoryRule()]), new CheckOptions(), new PlaceBook());
        return await service.CheckAsync(new MeetingRequest(new Interval(start, start + Duration.FromHours(1)), Pacific, [rsm.Email], "sdr@example.com", location, Vertical: vertical), default);
    }

    private static LocalDate Day(string iso) => NodaTime.Text.LocalDatePattern.Iso.Parse(iso).Value;

    private static DateTimeZone TimeZoneIdsChicago() => Time.TimeZoneIds.Resolve("America/Chicago");
}
