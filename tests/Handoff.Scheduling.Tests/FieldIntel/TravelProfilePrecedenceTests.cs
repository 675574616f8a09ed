using Handoff.Scheduling.Org;
using Handoff.Scheduling.Tests.PlaceAware;
using Handoff.Scheduling.Travel;
using NodaTime;

namespace Handoff.Scheduling.Tests.FieldIntel;

/// <summary>Built-in default &lt; org &lt; destination region &lt; destination territory &lt; the RSM's own settings (but not the place's lobby wait).</summary>
public sealed class TravelProfilePrecedenceTests
{
    private static readonly Territory Valley = new(Guid.Parse("00000000-0000-4000-8000-00000000aaaa"), "San Joaquin Valley",
        new TerritoryRules(PostalPrefixes: ["937"]), [new TerritoryAssignment("dana@example.com", 1)]);

    private static readonly TravelProfileLayer Org = new(TravelScope.Org, "org", "the org", AverageSpeedKmh: 60, BufferBefore: Duration.FromMinutes(5));
    private static readonly TravelProfileLayer California = new(TravelScope.Region, "US-CA", "region US-CA", AverageSpeedKmh: 90, LobbyWait: Duration.FromMinutes(5));
    private static readonly TravelProfileLayer ValleyLayer = new(TravelScope.Territory, Valley.Id.ToString(), "territory San Joaquin Valley", LobbyWait: Duration.FromMinutes(20));

    private static RsmProfile WithoutOwn => Crew.Dana() with { Travel = null };

    private static TripEstimator Estimator(params TravelProfileLayer[] layers) => new(Crew.Travel, new FixedFieldIntel(new Scheduling.Travel.FieldIntel(layers)));

    [Test]
    public void ProfileFor_NoLayers_IsTheBuiltInDefault()
    {
        var profile = Estimator().ProfileFor(WithoutOwn, Geo.Fresno, Valley);
        Assert.That(profile.Profile, Is.EqualTo(TravelProfile.Default));
        Assert.That(profile.Layers, Is.Empty);
        Assert.That(profile.Reasoning("Dana Ruiz"), Is.Empty);
    }

    [Test]
    public void ProfileFor_OrgLayer_OverridesOnlyWhatItSets()
    {
        var profile = Estimator(Org).ProfileFor(WithoutOwn, Geo.Fresno, null).Profile;
        Assert.That(profile.AverageSpeedKmh, Is.EqualTo(60));
        Assert.That(profile.BufferBefore, Is.EqualTo(Duration.FromMinutes(5)));
        Assert.That(profile.BufferAfter, Is.EqualTo(TravelProfile.Default.BufferAfter), "unset: from the built-in default");
    }

    [Test]
    public void ProfileFor_RegionOverOrg_TerritoryOverRegion()
    {
        var estimator = Estimator(Org, California, ValleyLayer);
        var inValley = estimator.ProfileFor(WithoutOwn, Geo.Fresno, Valley);
        Assert.Multiple(() =>
        {
            Assert.That(inValley.Profile.AverageSpeedKmh, Is.EqualTo(90), "region over org");
            Assert.That(inValley.Profile.BufferBefore, Is.EqualTo(Duration.FromMinutes(5)), "org where the region is silent");
            Assert.That(inValley.Profile.LobbyWait, Is.EqualTo(Duration.FromMinutes(20)), "territory over region");
            Assert.That(inValley.Layers.Select(l => l.Scope), Is.EqualTo(new[] { TravelScope.Org, TravelScope.Region, TravelScope.Territory }));
            Assert.That(inValley.Reasoning("Dana Ruiz"), Is.EqualTo("the org: 60 km/h, 5 min buffer before; region US-CA: 90 km/h, 5 min lobby wait; territory San Joaquin Valley: 20 min lobby wait"));
        });
        var outside = estimator.ProfileFor(WithoutOwn, Geo.Sacramento, null);
        Assert.That(outside.Profile.LobbyWait, Is.EqualTo(Duration.FromMinutes(5)), "no territory: the region's lobby wait");
        var newYork = estimator.ProfileFor(WithoutOwn, Geo.NewYork, null);
        Assert.That(newYork.Profile.AverageSpeedKmh, Is.EqualTo(60), "another region: the org's");
    }

    [Test]
    public void ProfileFor_RsmOwnSettings_WinButThePlacesLobbyWaitStays()
    {
        var estimator = Estimator(Org, California, ValleyLayer);
        var profile = estimator.ProfileFor(Crew.Dana(), Geo.Fresno, Valley);
        Assert.Multiple(() =>
        {
            Assert.That(profile.Profile.AverageSpeedKmh, Is.EqualTo(Crew.DanaTravel.AverageSpeedKmh));
            Assert.That(profile.Profile.BufferBefore, Is.EqualTo(Crew.DanaTravel.BufferBefore));
            Assert.That(profile.Profile.LobbyWait, Is.EqualTo(Duration.FromMinutes(20)));
            Assert.That(profile.RsmOwn, Is.True);
            Assert.That(profile.Reasoning("Dana Ruiz"), Is.EqualTo("territory San Joaquin Valley: 20 min lobby wait; Dana Ruiz's own speed and buffers"));
        });
        var ownLobby = Crew.Dana() with { Travel = Crew.DanaTravel with { LobbyWait = Duration.FromMinutes(2) } };
        Assert.That(estimator.ProfileFor(ownLobby, Geo.Fresno, Valley).Profile.LobbyWait, Is.EqualTo(Duration.FromMinutes(2)), "an RSM's own lobby wait wins too");
    }

    [Test]
    public void RegionKey_ReadsGazetteerAndStoredStyles()
    {
        Assert.That(TripEstimator.RegionKey(Geo.Fresno), Is.EqualTo("US-CA"));
        Assert.That(TripEstimator.RegionKey(Geo.Fresno with { Region = "US-CA" }), Is.EqualTo("US-CA"));
        Assert.That(TripEstimator.RegionKey(Geo.Fresno with { Region = null }), Is.Null);
    }

    [Test]
    public void Needed_AddsTheLobbyWaitAtTheDestination()
    {
        var estimator = Estimator(ValleyLayer);
        var trip = estimator.Estimate(WithoutOwn, Geo.Bakersfield, Geo.Fresno, Geo.Utc("2026-04-16T16:00:00Z"), Valley, OrgSnapshot.Empty);
        var p = TravelProfile.Default;
        Assert.That(trip.Needed, Is.EqualTo(p.BufferAfter + trip.Leg.Time + p.BufferBefore + Duration.FromMinutes(20)));
        Assert.That(trip.NeededFromHome, Is.EqualTo(trip.Leg.Time + p.BufferBefore + Duration.FromMinutes(20)));
    }
}
