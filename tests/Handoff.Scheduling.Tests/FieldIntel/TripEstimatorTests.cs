using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Tests.PlaceAware;
using Handoff.Scheduling.Travel;
using NodaTime;

namespace Handoff.Scheduling.Tests.FieldIntel;

/// <summary>The estimate with 0, few and many reports; outliers; hour of day; distance from the reported ends.</summary>
public sealed class TripEstimatorTests
{
    // Drives up to 6 h, so Fresno → Sacramento stays a drive in the map model too.
    private static readonly RsmProfile Dana = Crew.Dana() with { Travel = Crew.DanaTravel with { LongestDrive = Duration.FromHours(6) } };
    private static readonly OrgSnapshot Org = new([Dana, Crew.Rsm("alex@example.com", "Alex Kim", Geo.Mountain, Geo.Denver)]);

    // Thursday 16 April 2026, 9:30 AM Pacific: after a plant visit in Fresno.
    private static readonly Instant Departure = Geo.Local("2026-04-16T09:30", Geo.Pacific);

    /// <summary>Reports from Fresno to Sacramento, departing 9:00 Pacific on past Mondays, taking the given minutes.</summary>
    private static ReportedTrip[] Reports(params int[] minutes) => minutes.Select((m, i) => Report(m, "09:00", i)).ToArray();

    private static ReportedTrip Report(int minutes, string departsLocal, int weeksAgo, string email = "dana@example.com", Place? from = null)
    {
        var departed = Geo.Local($"2026-04-13T{departsLocal}", Geo.Pacific) - Duration.FromDays(7 * weeksAgo);
        return new ReportedTrip(Guid.NewGuid(), email, from ?? Geo.Fresno, Geo.Sacramento, departed, departed + Duration.FromMinutes(minutes));
    }

    private static TripEstimate Estimate(params ReportedTrip[] trips) =>
        new TripEstimator(Crew.Travel, new FixedFieldIntel(new Scheduling.Travel.FieldIntel(trips: trips)))
            .Estimate(Dana, Geo.SierraSteel, Geo.Sacramento, Departure, null, Org);

    private static Duration Model => TravelEstimator.Estimate(Geo.SierraSteel.Point, Geo.Sacramento.Point, Dana.Travel!, Crew.Travel).Time;

    /// <summary>What a report of <paramref name="minutes"/> from Fresno means for the trip from Sierra Steel (pace × distance).</summary>
    private static double Scaled(double minutes) => minutes / Geo.Fresno.Point.DistanceKm(Geo.Sacramento.Point) * Geo.SierraSteel.Point.DistanceKm(Geo.Sacramento.Point);

    [Test]
    public void NoReports_IsTheMapModel()
    {
        var trip = Estimate();
        Assert.That(trip.Leg.Time, Is.EqualTo(Model));
        Assert.That(trip.Reports, Is.Null);
        Assert.That(trip.Reasoning("Dana Ruiz"), Is.Empty);
    }

    [Test]
    public void FewerThanTheMinimum_LeaveTheModelAlone()
    {
        var trip = Estimate(Reports(120, 125));
        Assert.That(trip.Leg.Time, Is.EqualTo(Model));
        Assert.That(trip.Reports, Is.Null);
    }

    [Test]
    public void ThreeReports_MoveTheEstimateThreeFifthsOfTheWay()
    {
        var trip = Estimate(Reports(150, 160, 170));
        var expected = Model.TotalMinutes + 3.0 / 5 * (Math.Round(Scaled(160)) - Model.TotalMinutes);
        Assert.That(trip.Leg.Time.TotalMinutes, Is.EqualTo(Math.Ceiling(expected)));
        Assert.That(trip.Reports!.Count, Is.EqualTo(3));
        Assert.That(trip.Leg.Mode, Is.EqualTo(TravelMode.Drive));
    }

    [Test]
    public void ManyReports_BringTheEstimateCloseToTheReportedMedian()
    {
        var minutes = Enumerable.Range(0, 20).Select(i => 160 + (i % 5) - 2).ToArray(); // 158–162, median 160
        var trip = Estimate(Reports(minutes));
        var median = Math.Round(Scaled(160));
        Assert.That(trip.Reports!.Median.TotalMinutes, Is.EqualTo(median));
        Assert.That(Math.Abs(trip.Leg.Time.TotalMinutes - median), Is.LessThan(0.1 * Math.Abs(Model.TotalMinutes - median) + 1), "20 reports: 91 % of the way");
        Assert.That(trip.Reasoning("Dana Ruiz"), Does.Contain("based on 20 trips Dana Ruiz reported"));
    }

    [Test]
    public void Outliers_AreSetAsideAndDoNotSwingIt()
    {
        var calm = Estimate(Reports(165, 168, 170, 172, 175, 171));
        var withAccidents = Estimate(Reports(165, 168, 170, 172, 175, 171, 420, 600));
        Assert.Multiple(() =>
        {
            Assert.That(withAccidents.Reports!.Count, Is.EqualTo(6));
            Assert.That(withAccidents.Reports.OutliersSetAside, Is.EqualTo(2));
            Assert.That(withAccidents.Leg.Time, Is.EqualTo(calm.Leg.Time));
            Assert.That(withAccidents.Reasoning("Dana Ruiz"), Does.Contain("based on 6 trips Dana Ruiz reported").And.Contain("2 outliers set aside"));
        });
    }

    [Test]
    public void AllOutliersButTwo_IsNotEnough()
    {
        var trip = Estimate(Reports(170, 171, 900));
        Assert.That(trip.Reports, Is.Null, "two sensible reports are fewer than the minimum");
    }

    [Test]
    public void ReportsAtAnotherHourOfDay_DoNotCount()
    {
        var evening = new[] { Report(230, "17:30", 1), Report(225, "17:45", 2), Report(240, "18:00", 3) };
        Assert.That(Estimate(evening).Reports, Is.Null, "rush-hour trips say nothing about 9:30 AM");
        var nearby = new[] { Report(170, "11:20", 1), Report(172, "07:45", 2), Report(168, "08:00", 3) };
        Assert.That(Estimate(nearby).Reports!.Count, Is.EqualTo(3), "within two hours either side");
    }

    [Test]
    public void HourOfDay_IsReadInTheOriginsZone()
    {
        // 9:00 Pacific is 16:00 UTC in April: a report compared in UTC would be 6.5 hours off and ignored.
        var trip = Estimate(Reports(170, 171, 172));
        Assert.That(trip.Reports, Is.Not.Null);
    }

    [Test]
    public void ReportsFromFartherAway_DoNotCount()
    {
        var fromBakersfield = new[] { Report(240, "09:00", 1, from: Geo.Bakersfield), Report(245, "09:00", 2, from: Geo.Bakersfield), Report(250, "09:00", 3, from: Geo.Bakersfield) };
        Assert.That(Estimate(fromBakersfield).Reports, Is.Null);
    }

    [Test]
    public void SeveralReporters_AreNamed()
    {
        var trips = Reports(170, 171, 172, 169).Concat([Report(173, "09:10", 5, "alex@example.com"), Report(168, "09:20", 6, "alex@example.com")]).ToArray();
        Assert.That(Estimate(trips).Reports!.Phrase(), Is.EqualTo("6 reported trips (4 by Dana Ruiz, 2 by Alex Kim)"));
    }

    [Test]
    public void TravelRule_SaysTheEstimateIsBasedOnReportedTrips()
    {
        var intel = new FixedFieldIntel(new Scheduling.Travel.FieldIntel(trips: Reports(165, 168, 170, 172, 175, 171)));
        var rule = new TravelRule(new TripEstimator(Crew.Travel, intel));
        var dana = new RsmContext(Dana, Geo.Pacific, Dana.WorkingHours!, [Geo.Item("2026-04-16T07:30", "2026-04-16T09:30", Geo.Pacific, Geo.SierraSteelText, "Plant visit")]);
        dana = dana with { Itinerary = Itinerary.Build(dana.Items, new PlaceBook()) };
        var draft = Samples.Draft(Geo.Span("2026-04-16T10:00", "2026-04-16T11:00", Geo.Pacific), Geo.Eastern, null, dana) with
        {
            Where = new LocationMatch(LocationKind.Place, Geo.SacramentoText, Geo.Sacramento),
            Org = Org,
        };
        var warnings = new List<Warning>();
        rule.Evaluate(draft, Samples.Now, warnings);
        var before = warnings.Single(w => w.Code == WarningCodes.TravelTimeBefore);
        Assert.That(before.Message, Does.Match(@"The trip takes ~\d h( \d+ min)?, based on 6 trips Dana Ruiz reported \(map estimate \d h \d+ min\)\."));
    }
}
