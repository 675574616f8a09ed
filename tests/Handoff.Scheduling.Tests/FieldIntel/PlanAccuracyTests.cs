using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Field;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Tests.PlaceAware;
using NodaTime;

namespace Handoff.Scheduling.Tests.FieldIntel;

/// <summary>
/// A fixture of plans and calendars over two weeks of April 2026: plans that came true, one that never did, one
/// with no evidence, a two-day plan half true, and trips nobody planned.
/// </summary>
public sealed class PlanAccuracyTests
{
    private static readonly RsmProfile Dana = Crew.Dana();
    private static readonly RsmProfile Alex = Crew.Rsm("alex@example.com", "Alex Kim", Geo.Mountain, Geo.Denver);
    private static readonly DateInterval April = new(new LocalDate(2026, 4, 6), new LocalDate(2026, 4, 19));
    private static readonly Place ColoradoSprings = new("Colorado Springs, CO 80903", new GeoPoint(38.8339, -104.8214), "America/Denver", "US", "CO", "80903", "Colorado Springs");

    private static FieldPlan Plan(RsmProfile rsm, string from, string to, Place place, int confidence) =>
        new(Guid.NewGuid(), rsm.Email, new DateInterval(LocalDate.FromDateTime(DateTime.Parse(from)), LocalDate.FromDateTime(DateTime.Parse(to))), place, confidence);

    private static RsmCalendarView Calendar(RsmProfile rsm, params BusyBlock[] items) =>
        RsmCalendarView.Build(rsm, rsm.Zone!, rsm.WorkingHours!, items, new FixtureBook());

    /// <summary>The test gazetteer plus Colorado Springs.</summary>
    private sealed class FixtureBook : IPlaceResolver
    {
        private readonly PlaceBook _book = new();

        public LocationMatch Resolve(string? location) => location == "Colorado Springs, CO"
            ? new LocationMatch(LocationKind.Place, location, ColoradoSprings)
            : _book.Resolve(location);
    }

    private static readonly RsmCalendarView DanaCalendar = Calendar(Dana,
        Geo.Item("2026-04-06T13:00", "2026-04-06T14:00", Geo.Pacific, Geo.SacramentoText, "Valley Scrap review"),   // Mon: Sacramento (planned, came true)
        Geo.Item("2026-04-07T09:00", "2026-04-07T11:00", Geo.Pacific, Geo.SierraSteelText, "Plant visit"),          // Tue: Fresno (plan said LA: did not happen)
        Geo.Item("2026-04-08T09:00", "2026-04-08T10:00", Geo.Pacific, "Microsoft Teams Meeting", "Call"),           // Wed: online only: no evidence
        Geo.Item("2026-04-09T12:00", "2026-04-09T13:00", Geo.Pacific, Geo.SacramentoText, "Private", isPrivate: true), // Thu: private: no evidence
        Geo.Item("2026-04-13T10:00", "2026-04-13T11:00", Geo.Pacific, Geo.SacramentoText, "Unplanned visit"),       // Mon: Sacramento, nobody planned it
        Geo.Item("2026-04-14T10:00", "2026-04-14T11:00", Geo.Pacific, "Bakersfield, CA", "Day one"),                // Tue–Wed plan Bakersfield: Tue there
        Geo.Item("2026-04-15T10:00", "2026-04-15T11:00", Geo.Pacific, Geo.SierraSteelText, "Back home"));          // Wed elsewhere: 1–1 counts as came true

    private static readonly RsmCalendarView AlexCalendar = Calendar(Alex,
        Geo.Item("2026-04-08T13:00", "2026-04-08T14:00", Geo.Mountain, "Colorado Springs, CO", "Customer"),
        Geo.Item("2026-04-15T09:00", "2026-04-15T10:00", Geo.Mountain, "Denver, CO", "Home office"));

    private static readonly FieldPlan[] Plans =
    [
        Plan(Dana, "2026-04-06", "2026-04-06", Geo.Sacramento, 90),
        Plan(Dana, "2026-04-07", "2026-04-07", Geo.LosAngeles, 80),
        Plan(Dana, "2026-04-08", "2026-04-09", Geo.Bakersfield, 50),
        Plan(Dana, "2026-04-14", "2026-04-15", Geo.Bakersfield, 70),
        Plan(Alex, "2026-04-08", "2026-04-08", ColoradoSprings, 80),
        Plan(Alex, "2026-04-15", "2026-04-15", Geo.LosAngeles, 30),
        Plan(Alex, "2026-04-27", "2026-04-28", Geo.LosAngeles, 30), // outside the range: not judged
    ];

    private static AccuracyReport Report() => PlanAccuracy.Evaluate(Plans, [DanaCalendar, AlexCalendar], April, radiusKm: 80);

    [Test]
    public void EachPlan_IsJudgedByTheLocatedItemsOnItsDays()
    {
        var verdicts = Report().Plans.Select(p => (p.Plan.ConfidencePercent, p.Plan.RsmEmail, p.Verdict)).ToArray();
        Assert.That(verdicts, Is.EqualTo(new[]
        {
            (90, Dana.Email, PlanVerdict.CameTrue),
            (80, Dana.Email, PlanVerdict.DidNotHappen),
            (80, Alex.Email, PlanVerdict.CameTrue),
            (50, Dana.Email, PlanVerdict.NoEvidence),
            (70, Dana.Email, PlanVerdict.CameTrue),
            (30, Alex.Email, PlanVerdict.DidNotHappen),
        }));
        var split = Report().Plans.Single(p => p.Plan.ConfidencePercent == 70);
        Assert.That((split.DaysThere, split.DaysElsewhere, split.DaysWithoutEvidence), Is.EqualTo((1, 1, 0)));
    }

    [Test]
    public void Rates_PerRsmAndOrgWide_LeaveOutPlansWithoutEvidence()
    {
        var report = Report();
        Assert.Multiple(() =>
        {
            Assert.That((report.Org.Judged, report.Org.CameTrue, report.Org.NoEvidence), Is.EqualTo((5, 3, 1)));
            Assert.That(report.Org.Rate, Is.EqualTo(0.6).Within(1e-9));
            var dana = report.Rsms.Single(r => r.Name == "Dana Ruiz");
            Assert.That((dana.Tally.Judged, dana.Tally.CameTrue), Is.EqualTo((3, 2)));
            var alex = report.Rsms.Single(r => r.Name == "Alex Kim");
            Assert.That(alex.Tally.Rate, Is.EqualTo(0.5));
        });
    }

    [Test]
    public void UnplannedTrips_AreDaysAwayFromHomeNoPlanCovered()
    {
        // Sacramento on the 6th and Bakersfield on the 14th were planned; Fresno days are home; Alex's Colorado
        // Springs day was planned. Only Dana's Sacramento visit on Monday the 13th went unannounced.
        var unplanned = Report().Unplanned;
        Assert.That(unplanned.Select(u => (u.RsmEmail, u.Date, u.Place.City)), Is.EqualTo(new[] { (Dana.Email, new LocalDate(2026, 4, 13), "Sacramento") }));
        Assert.That(Report().Rsms.Single(r => r.Name == "Dana Ruiz").UnplannedTrips, Is.EqualTo(1));
    }

    [Test]
    public void Calibration_BucketsPlansByStatedConfidence()
    {
        var buckets = Report().Calibration.ToDictionary(b => b.To, b => b.Tally);
        Assert.Multiple(() =>
        {
            Assert.That(buckets[80].Judged, Is.EqualTo(3), "80, 80 and 70 %");
            Assert.That(buckets[80].Rate, Is.EqualTo(2.0 / 3).Within(1e-9));
            Assert.That(buckets[100].Rate, Is.EqualTo(1));
            Assert.That(buckets[40].Rate, Is.EqualTo(0), "the 30 % plan did not happen");
            Assert.That(buckets[60].Judged, Is.Zero, "the 50 % plan had no evidence");
            Assert.That(buckets[60].NoEvidence, Is.EqualTo(1));
        });
        // Brier: (0.9−1)² + (0.8−0)² + (0.8−1)² + (0.7−1)² + (0.3−0)², over 5.
        Assert.That(Report().BrierScore, Is.EqualTo((0.01 + 0.64 + 0.04 + 0.09 + 0.09) / 5).Within(1e-9));
    }

    [Test]
    public void OverTime_GroupsByMonthOfThePlansFirstDay()
    {
        var report = PlanAccuracy.Evaluate(Plans, [DanaCalendar, AlexCalendar], new DateInterval(new LocalDate(2026, 3, 1), new LocalDate(2026, 4, 30)), 80);
        Assert.That(report.OverTime.Select(p => p.Start), Is.EqualTo(new[] { new LocalDate(2026, 4, 1) }));
        Assert.That((report.OverTime[0].Tally.Judged, report.OverTime[0].Tally.NoEvidence), Is.EqualTo((5, 2)), "the late-April plan is in range now, without evidence");
    }
}
