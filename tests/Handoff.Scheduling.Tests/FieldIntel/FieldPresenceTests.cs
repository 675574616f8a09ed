using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Field;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Tests.PlaceAware;
using Handoff.Scheduling.Travel;
using NodaTime;

namespace Handoff.Scheduling.Tests.FieldIntel;

/// <summary>The planner: clustering places, open in-person hours across zones, weeks, territories; down the street.</summary>
public sealed class FieldPresenceTests
{
    private static readonly Place LasVegas = new("Las Vegas, NV 89101", new GeoPoint(36.1699, -115.1398), "America/Los_Angeles", "US", "NV", "89101", "Las Vegas");
    private static readonly Place Henderson = new("Henderson, NV 89002", new GeoPoint(36.0395, -114.9817), "America/Los_Angeles", "US", "NV", "89002", "Henderson");

    private static readonly RsmProfile Dana = Crew.Dana();
    private static readonly RsmProfile Alex = Crew.Rsm("alex@example.com", "Alex Kim", Geo.Mountain, Geo.Denver);

    private static readonly Territory West = new(Guid.NewGuid(), "West", new TerritoryRules(Regions: ["US-CA", "US-NV"]), [new TerritoryAssignment(Dana.Email, 1)]);
    private static readonly Territory Vegas = new(Guid.NewGuid(), "Las Vegas metro", new TerritoryRules(Radii: [new RadiusRule(LasVegas.Point, 120)]), [new TerritoryAssignment(Alex.Email, 1)]);
    private static readonly OrgSnapshot Org = new([Dana, Alex], [West, Vegas]);

    // Week of Monday 13 April 2026.
    private static readonly DateInterval Week = new(new LocalDate(2026, 4, 13), new LocalDate(2026, 4, 19));

    private sealed class Book : IPlaceResolver
    {
        private readonly PlaceBook _book = new();

        public LocationMatch Resolve(string? location) => location switch
        {
            "Las Vegas, NV" => new LocationMatch(LocationKind.Place, location, LasVegas),
            "Henderson, NV" => new LocationMatch(LocationKind.Place, location, Henderson),
            _ => _book.Resolve(location),
        };
    }

    private static RsmCalendarView Calendar(RsmProfile rsm, params BusyBlock[] items) => RsmCalendarView.Build(rsm, rsm.Zone!, rsm.WorkingHours!, items, new Book());

    private static FieldPlan Plan(RsmProfile rsm, LocalDate from, LocalDate to, Place place, int confidence) =>
        new(Guid.NewGuid(), rsm.Email, new DateInterval(from, to), place, confidence);

    [Test]
    public void OpenHours_AreWorkingHoursNoItemTakes_InTheRsmsOwnZone()
    {
        // Alex works 8–17 Mountain. Items arrive as UTC instants: 15:00–17:00Z is 9–11 AM MDT; a free item takes nothing;
        // an evening item past 17:00 MDT takes nothing from working hours.
        var alex = Calendar(Alex,
            Samples.Block("2026-04-14T15:00:00Z", "2026-04-14T17:00:00Z", BusyStatus.Busy, "Customer", "Las Vegas, NV"),
            Samples.Block("2026-04-14T19:00:00Z", "2026-04-14T20:00:00Z", BusyStatus.Free, "Lunch"),
            Samples.Block("2026-04-14T20:30:00Z", "2026-04-14T21:00:00Z", BusyStatus.Tentative, "Hold"),
            Samples.Block("2026-04-15T00:00:00Z", "2026-04-15T02:00:00Z", BusyStatus.Busy, "Dinner"));
        Assert.That(alex.OpenTimeOn(new LocalDate(2026, 4, 14)), Is.EqualTo(Duration.FromHours(9) - Duration.FromHours(2) - Duration.FromMinutes(30)));
        Assert.That(alex.OpenTimeOn(new LocalDate(2026, 4, 18)), Is.EqualTo(Duration.Zero), "Saturday is not a working day");
    }

    [Test]
    public void OpenHours_OnADstChangeDay_AreCountedInLocalTime()
    {
        // US clocks go forward on Sunday 8 March 2026; a Sunday-working RSM still has 9 working hours 8–17 local.
        var sundays = Alex with { WorkingHours = WorkingHours.Uniform([IsoDayOfWeek.Sunday], new LocalTime(8, 0), new LocalTime(17, 0)) };
        var view = RsmCalendarView.Build(sundays, Geo.Mountain, sundays.WorkingHours!, [], new Book());
        Assert.That(view.OpenTimeOn(new LocalDate(2026, 3, 8)), Is.EqualTo(Duration.FromHours(9)));
    }

    [Test]
    public void Planner_ClustersNearbyPlaces_AndCountsEachRsmInTheirOwnZone()
    {
        // Dana (Pacific) plans Las Vegas Tue–Wed at 80 %; Alex (Mountain) has a meeting in Henderson, 20 km away, on Tuesday.
        var dana = Calendar(Dana, Geo.Item("2026-04-15T13:00", "2026-04-15T14:00", Geo.Pacific, "Las Vegas, NV", "Scrap yard"));
        var alex = Calendar(Alex, Geo.Item("2026-04-14T10:00", "2026-04-14T12:00", Geo.Mountain, "Henderson, NV", "Mine supplier"));
        var plans = new[] { Plan(Dana, new LocalDate(2026, 4, 14), new LocalDate(2026, 4, 15), LasVegas, 80) };

        var report = FieldPresence.Build(plans, [dana, alex], Week, Org, clusterKm: 80);

        Assert.That(report.Clusters.Select(c => c.Name), Is.EqualTo(new[] { "Las Vegas, NV" }), "the 80 % plan leads; Henderson joins it");
        var place = report.Weeks.Single().Clusters.Single();
        Assert.That(place.Cluster.Territories, Is.EqualTo(new[] { "Las Vegas metro" }), "the radius rule is more specific than the region");
        var danaThere = place.Rsms.Single(r => r.Name == "Dana Ruiz");
        var alexThere = place.Rsms.Single(r => r.Name == "Alex Kim");
        Assert.Multiple(() =>
        {
            Assert.That(danaThere.Days, Is.EqualTo(new[] { new LocalDate(2026, 4, 14), new LocalDate(2026, 4, 15) }));
            Assert.That(danaThere.Plans.Single().ConfidencePercent, Is.EqualTo(80));
            Assert.That(danaThere.Meetings.Single().Subject, Is.EqualTo("Scrap yard"));
            Assert.That(danaThere.OpenTime, Is.EqualTo(Duration.FromHours(9 + 8)), "Tue 9 h, Wed 9 h − 1 h meeting (Pacific)");
            Assert.That(danaThere.Summary("Las Vegas, NV"), Is.EqualTo("Dana Ruiz is in Las Vegas, NV Tue–Wed, 17 open hours"));
            Assert.That(alexThere.OpenTime, Is.EqualTo(Duration.FromHours(7)), "9 h − 2 h, counted 8–17 Mountain");
            Assert.That(place.OpenTime, Is.EqualTo(Duration.FromHours(24)));
        });
    }

    [Test]
    public void Planner_SeparatesFarPlaces_AndCountsADaysHoursOnce()
    {
        // Dana plans Sacramento Mon–Wed but books Fresno on Tuesday: Tuesday's open hours go to Fresno only.
        var dana = Calendar(Dana, Geo.Item("2026-04-14T09:00", "2026-04-14T10:00", Geo.Pacific, Geo.SierraSteelText, "Plant visit"));
        var plans = new[] { Plan(Dana, new LocalDate(2026, 4, 13), new LocalDate(2026, 4, 15), Geo.Sacramento, 60) };

        var week = FieldPresence.Build(plans, [dana], Week, Org, 80).Weeks.Single();

        var sacramento = week.Clusters.Single(c => c.Cluster.Name == "Sacramento, CA").Rsms.Single();
        var fresno = week.Clusters.Single(c => c.Cluster.Name == "Fresno, CA").Rsms.Single();
        Assert.Multiple(() =>
        {
            Assert.That(sacramento.Days.Count, Is.EqualTo(3), "the plan still says Mon–Wed");
            Assert.That(sacramento.OpenTime, Is.EqualTo(Duration.FromHours(18)), "Mon and Wed");
            Assert.That(fresno.OpenTime, Is.EqualTo(Duration.FromHours(8)), "Tue, less the visit");
            Assert.That(sacramento.Summary("Sacramento, CA"), Is.EqualTo("Dana Ruiz is in Sacramento, CA Mon–Wed, 18 open hours"));
        });
    }

    [Test]
    public void Planner_SplitsWeeksOnMondays_AndPrivateItemsNeverShow()
    {
        var dana = Calendar(Dana,
            Geo.Item("2026-04-12T10:00", "2026-04-12T11:00", Geo.Pacific, Geo.SacramentoText, "Sunday before"),
            Geo.Item("2026-04-20T10:00", "2026-04-20T11:00", Geo.Pacific, Geo.SacramentoText, "Monday after"),
            Geo.Item("2026-04-16T10:00", "2026-04-16T11:00", Geo.Pacific, Geo.SacramentoText, "Doctor", isPrivate: true));
        var report = FieldPresence.Build([], [dana], new DateInterval(new LocalDate(2026, 4, 12), new LocalDate(2026, 4, 20)), Org, 80);
        Assert.That(report.Weeks.Select(w => w.Monday), Is.EqualTo(new[] { new LocalDate(2026, 4, 6), new LocalDate(2026, 4, 13), new LocalDate(2026, 4, 20) }));
        Assert.That(report.Weeks[1].Clusters, Is.Empty, "a private item has no place to show");
        Assert.That(report.Weeks[2].Clusters.Single().Rsms.Single().Meetings.Single().Subject, Is.EqualTo("Monday after"));
        Assert.That(RsmPresence.DayRanges([new LocalDate(2026, 4, 13), new LocalDate(2026, 4, 15), new LocalDate(2026, 4, 16)]), Is.EqualTo("Mon, Wed–Thu"));
    }

    [Test]
    public void DownTheStreet_ListsOpenSlotsAroundTheMeeting_AndWhatIsNearby()
    {
        var dana = Calendar(Dana,
            Geo.Item("2026-04-14T08:00", "2026-04-14T08:20", Geo.Pacific, "Microsoft Teams Meeting", "Stand-up"),
            Geo.Item("2026-04-14T11:00", "2026-04-14T12:00", Geo.Pacific, "Las Vegas, NV", "Scrap yard"),
            Geo.Item("2026-04-14T15:00", "2026-04-14T15:45", Geo.Pacific, "Microsoft Teams Meeting", "Pipeline"));
        var known = new[] { Henderson, Geo.Fresno, LasVegas };

        var trip = DownTheStreet.For(dana, new DateInterval(new LocalDate(2026, 4, 14), new LocalDate(2026, 4, 14)), Org, known, 50, Crew.Travel).Single();

        Assert.Multiple(() =>
        {
            Assert.That(trip.OpenBefore.Select(s => s.Duration), Is.EqualTo(new[] { Duration.FromMinutes(160) }), "8:20–11:00; nothing under 30 min");
            Assert.That(trip.OpenAfter.Select(s => s.Duration), Is.EqualTo(new[] { Duration.FromHours(3), Duration.FromMinutes(75) }), "12–3 and 3:45–5");
            Assert.That(trip.Territories.Select(t => (t.Territory.Name, t.DistanceKm)), Is.EqualTo(new[] { ("Las Vegas metro", 0.0), ("West", 0.0) }));
            Assert.That(trip.Accounts.Select(a => a.Label), Is.EqualTo(new[] { "Henderson, NV 89002" }), "Fresno is too far; the meeting's own place is not listed");
        });
    }
}
