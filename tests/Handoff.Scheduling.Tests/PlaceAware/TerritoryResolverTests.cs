using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Routing;
using static Handoff.Scheduling.Tests.PlaceAware.Geo;

namespace Handoff.Scheduling.Tests.PlaceAware;

public class TerritoryResolverTests
{
    private static readonly RsmProfile West = Crew.Rsm("west@example.com", "Wes Tan", Pacific, LosAngeles);
    private static readonly RsmProfile Valley = Crew.Rsm("valley@example.com", "Val Ortiz", Pacific, Fresno);
    private static readonly RsmProfile Metro = Crew.Rsm("metro@example.com", "Mel Reyes", Pacific, Clovis);
    private static readonly RsmProfile Downtown = Crew.Rsm("downtown@example.com", "Don Park", Pacific, Fresno);
    private static readonly RsmProfile Metals = Crew.Rsm("metals@example.com", "Alex Kim", Mountain, Denver, "metals-recycling");
    private static readonly RsmProfile Nation = Crew.Rsm("nation@example.com", "Nat Cole", Eastern, NewYork);
    private static readonly RsmProfile Retired = Crew.Rsm("retired@example.com", "Old Hand", Pacific, Fresno) with { Active = false };

    private static Territory T(string name, TerritoryRules rules, params TerritoryAssignment[] assignments) =>
        new(Guid.NewGuid(), name, rules, assignments, DefaultProspectZone: Pacific);

    private static readonly OrgSnapshot Org = new(
        [West, Valley, Metro, Downtown, Metals, Nation, Retired],
        [
            T("West", new TerritoryRules(Regions: ["US-CA", "US-NV"]), new TerritoryAssignment(West.Email, 1)),
            T("Central Valley", new TerritoryRules(PostalPrefixes: ["933", "937"]), new TerritoryAssignment(Valley.Email, 1)),
            T("Fresno Downtown", new TerritoryRules(PostalPrefixes: ["93706"]), new TerritoryAssignment(Downtown.Email, 1)),
            T("Fresno Metro", new TerritoryRules(Radii: [new RadiusRule(Fresno.Point, 30)]), new TerritoryAssignment(Metro.Email, 1)),
            T("USA", new TerritoryRules(Countries: ["US"]), new TerritoryAssignment(Nation.Email, 1)),
            T("Dormant", new TerritoryRules(Regions: ["US-OR"]), new TerritoryAssignment(Retired.Email, 1)),
        ]);

    private static TerritoryMatch Resolve(Place place, string? vertical = null, OrgSnapshot? org = null) =>
        TerritoryResolver.For(org ?? Org).Resolve(place, vertical);

    [Test]
    public void LongestPostalPrefix_WinsOverShorterPrefixRadiusAndRegion()
    {
        var match = Resolve(Fresno);

        Assert.Multiple(() =>
        {
            Assert.That(match.Territory?.Name, Is.EqualTo("Fresno Downtown"));
            Assert.That(match.Owner, Is.EqualTo(Downtown));
            Assert.That(match.ResolvedBy, Is.EqualTo(ResolvedBy.PostalPrefix));
            Assert.That(match.Explanation, Is.EqualTo("ZIP prefix 93706 in territory Fresno Downtown"));
            Assert.That(match.Zone, Is.EqualTo(Pacific));
        });
    }

    [Test]
    public void ShorterPostalPrefix_WinsOverRadius()
    {
        var match = Resolve(SierraSteel);

        Assert.Multiple(() =>
        {
            Assert.That(match.Territory?.Name, Is.EqualTo("Central Valley"));
            Assert.That(match.Explanation, Is.EqualTo("ZIP prefix 937 in territory Central Valley"));
        });
    }

    [Test]
    public void Radius_WinsOverRegion()
    {
        var match = Resolve(Clovis);

        Assert.Multiple(() =>
        {
            Assert.That(match.Territory?.Name, Is.EqualTo("Fresno Metro"));
            Assert.That(match.Owner, Is.EqualTo(Metro));
            Assert.That(match.ResolvedBy, Is.EqualTo(ResolvedBy.Radius));
            Assert.That(match.Explanation, Is.EqualTo("Within 30 km of the centre of territory Fresno Metro (12 km away)"));
        });
    }

    [Test]
    public void Region_WinsOverCountry()
    {
        var match = Resolve(Sacramento);

        Assert.Multiple(() =>
        {
            Assert.That(match.Owner, Is.EqualTo(West));
            Assert.That(match.ResolvedBy, Is.EqualTo(ResolvedBy.Region));
            Assert.That(match.Explanation, Is.EqualTo("Region US-CA in territory West"));
        });
    }

    [Test]
    public void Country_IsTheLastResort()
    {
        var match = Resolve(Denver);

        Assert.Multiple(() =>
        {
            Assert.That(match.Owner, Is.EqualTo(Nation));
            Assert.That(match.ResolvedBy, Is.EqualTo(ResolvedBy.Country));
            Assert.That(match.Explanation, Is.EqualTo("Country US in territory USA"));
            Assert.That(match.Zone, Is.EqualTo(Mountain), "the place's own zone wins over the territory default");
        });
    }

    [Test]
    public void NoTerritory_HasNoOwnerAndSaysSo()
    {
        var match = Resolve(Toronto);

        Assert.Multiple(() =>
        {
            Assert.That(match.Territory, Is.Null);
            Assert.That(match.Owner, Is.Null);
            Assert.That(match.ResolvedBy, Is.EqualTo(ResolvedBy.None));
            Assert.That(match.Explanation, Is.EqualTo("No territory covers Toronto, ON M5V 2T6."));
        });
    }

    [Test]
    public void TerritoryWithOnlyInactiveRsms_HasNoOwner()
    {
        var portland = new Place("Portland, OR 97201", new GeoPoint(45.5152, -122.6784), "America/Los_Angeles", "US", "OR", "97201", "Portland");

        var match = Resolve(portland);

        Assert.Multiple(() =>
        {
            Assert.That(match.Territory?.Name, Is.EqualTo("Dormant"));
            Assert.That(match.Owner, Is.Null);
            Assert.That(match.Explanation, Is.EqualTo("Region US-OR in territory Dormant, which has no active RSM assigned"));
        });
    }

    [Test]
    public void CanadianPostalPrefix_IgnoresSpacesAndCase()
    {
        var org = new OrgSnapshot([Nation], [T("Toronto core", new TerritoryRules(PostalPrefixes: ["m5v"]), new TerritoryAssignment(Nation.Email, 1))]);

        var match = Resolve(Toronto, org: org);

        Assert.That(match.Explanation, Is.EqualTo("Postal prefix M5V in territory Toronto core"));
    }

    [Test]
    public void VerticalSpecialist_IsNamedWhenTheOwnerIsNotOne_NearestFirst()
    {
        var match = Resolve(Sacramento, "metals-recycling");

        Assert.Multiple(() =>
        {
            Assert.That(match.Owner, Is.EqualTo(West));
            Assert.That(match.Specialist, Is.EqualTo(Metals));
        });
    }

    [Test]
    public void VerticalOverlayTerritory_WinsTheTieForItsVertical()
    {
        var general = T("Nevada", new TerritoryRules(Regions: ["US-NV"]), new TerritoryAssignment(West.Email, 1));
        var overlay = new Territory(Guid.NewGuid(), "Nevada metals", new TerritoryRules(Regions: ["US-NV"]), [new TerritoryAssignment(Metals.Email, 2)], ["metals-recycling"]);
        var org = new OrgSnapshot([West, Metals], [general, overlay]);
        var reno = new Place("Reno, NV 89501", new GeoPoint(39.5296, -119.8138), "America/Los_Angeles", "US", "NV", "89501", "Reno");

        Assert.Multiple(() =>
        {
            Assert.That(Resolve(reno, "metals-recycling", org).Owner, Is.EqualTo(Metals));
            Assert.That(Resolve(reno, null, org).Owner, Is.EqualTo(West), "without a vertical the better priority wins");
            Assert.That(Resolve(reno, "metals-recycling", org).Specialist, Is.Null, "the owner is the specialist");
        });
    }

    [Test]
    public void EqualPriority_GoesToTheSpecialist()
    {
        var shared = T("Shared", new TerritoryRules(Regions: ["US-CA"]), new TerritoryAssignment(West.Email, 1), new TerritoryAssignment(Metals.Email, 1));
        var org = new OrgSnapshot([West, Metals], [shared]);

        Assert.Multiple(() =>
        {
            Assert.That(Resolve(Sacramento, "metals-recycling", org).Owner, Is.EqualTo(Metals));
            Assert.That(Resolve(Sacramento, "mining", org).Owner, Is.EqualTo(Metals), "then by e-mail: metals@ < west@");
            Assert.That(Resolve(Sacramento, null, org).Specialist, Is.Null);
        });
    }

    [Test]
    public void HomeTerritory_IsTheRsmsBestPriorityAssignment()
    {
        var resolver = TerritoryResolver.For(Org);

        Assert.Multiple(() =>
        {
            Assert.That(resolver.HomeTerritoryOf("VALLEY@example.com")?.Name, Is.EqualTo("Central Valley"));
            Assert.That(resolver.HomeTerritoryOf("nobody@example.com"), Is.Null);
        });
    }
}
