using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Suggestions;
using Handoff.Scheduling.Travel;
using NodaTime;
using NodaTime.Text;
using static Handoff.Scheduling.Tests.PlaceAware.Geo;

namespace Handoff.Scheduling.Tests.PlaceAware;

/// <summary>The sweep alone: which grid slots are clean. Week of Monday 2026-04-13, organizer in Pacific Time.</summary>
public class SlotFinderTests
{
    private static readonly Instant Sunday = Utc("2026-04-12T12:00:00Z");
    private static readonly LocalDate Monday = new(2026, 4, 13);
    private static readonly Duration Hour = Duration.FromHours(1);

    private static ProspectContext ProspectIn(DateTimeZone zone) => new(zone, WorkingHours.DefaultBusinessHours, ["cfo@acme.example"]);

    internal static List<SlotCandidate> Find(RsmProfile rsm, BusyBlock[] items, Place? place, ProspectContext prospect, DateTimeZone organizer,
        IReadOnlyList<LocalDate> dates, Instant notBefore, OrgSnapshot? org = null)
    {
        var context = new RsmContext(rsm, rsm.Zone!, rsm.WorkingHours!, items) { Itinerary = Itinerary.Build(items, new PlaceBook()) };
        var search = new SlotSearch(Hour, organizer, dates, notBefore, prospect, place, org ?? new OrgSnapshot([rsm]), Crew.Estimator(),
            [new SlotTeam([context], RsmRole.Invited, false)]);
        return SlotFinder.Find(search);
    }

    private static string[] LocalTimes(IEnumerable<SlotCandidate> slots, DateTimeZone zone) =>
        slots.Select(s => LocalDateTimePattern.GeneralIso.Format(s.Start.InZone(zone).LocalDateTime)[5..16]).ToArray();

    [Test]
    public void SkipsBusyAndOutOfHoursSlots()
    {
        var items = new[]
        {
            Item("2026-04-13T08:00", "2026-04-13T10:00", Pacific, "Microsoft Teams Meeting", "Pipeline review"),
            Item("2026-04-13T13:00", "2026-04-13T17:00", Pacific, null, "Out", BusyStatus.OutOfOffice),
            Item("2026-04-13T11:30", "2026-04-13T11:45", Pacific, null, "Lunch", BusyStatus.Free),
        };

        var slots = Find(Crew.Dana(), items, null, ProspectIn(Pacific), Pacific, [Monday], Sunday);

        Assert.That(LocalTimes(slots, Pacific), Is.EqualTo(new[] { "04-13T10:00", "04-13T10:30", "04-13T11:00", "04-13T11:30", "04-13T12:00" }));
    }

    [Test]
    public void TentativeAndWorkingElsewhere_AreNotCleanEither()
    {
        var items = new[]
        {
            Item("2026-04-13T08:00", "2026-04-13T12:00", Pacific, null, "Hold", BusyStatus.Tentative),
            Item("2026-04-13T12:00", "2026-04-13T16:00", Pacific, "Bakersfield, CA", "Regional office", BusyStatus.WorkingElsewhere),
        };

        var slots = Find(Crew.Dana(), items, null, ProspectIn(Pacific), Pacific, [Monday], Sunday);

        Assert.That(LocalTimes(slots, Pacific), Is.EqualTo(new[] { "04-13T16:00" }));
    }

    [Test]
    public void RespectsTheProspectsBusinessHours()
    {
        // New York 8 AM–6 PM is 5 AM–3 PM Pacific; Dana works 8 AM–5 PM: starts 8:00 to 2:00 PM Pacific.
        var slots = Find(Crew.Dana(), [], null, ProspectIn(Eastern), Pacific, [Monday], Sunday);

        Assert.Multiple(() =>
        {
            Assert.That(slots, Has.Count.EqualTo(13));
            Assert.That(LocalTimes(slots, Pacific)[0], Is.EqualTo("04-13T08:00"));
            Assert.That(LocalTimes(slots, Pacific)[^1], Is.EqualTo("04-13T14:00"));
        });
    }

    [Test]
    public void RespectsTravelFromThePreviousStop()
    {
        // Sacramento until 10:00, then 2 h 47 min (flight + buffers) to Fresno: 12:47, so the 1:00 PM slot.
        var items = new[] { Item("2026-04-13T08:00", "2026-04-13T10:00", Pacific, SacramentoText, "Plant visit") };

        var slots = Find(Crew.Dana(), items, Fresno, ProspectIn(Pacific), Pacific, [Monday], Sunday);

        Assert.That(LocalTimes(slots, Pacific), Is.EqualTo(new[] { "04-13T13:00", "04-13T13:30", "04-13T14:00", "04-13T14:30", "04-13T15:00", "04-13T15:30", "04-13T16:00" }));
    }

    [Test]
    public void RespectsTravelToTheNextStopAndFromHome()
    {
        // From home in Bakersfield: 2 h 43 min drive + 15 min = 2 h 58 min → 11:00. Next: Fresno → Sacramento by 3:00 PM
        // needs 2 h 47 min (flight + buffers), so the slot must end by 12:13: only 11:00–12:00 fits.
        var items = new[] { Item("2026-04-13T15:00", "2026-04-13T16:00", Pacific, SacramentoText, "Trade show") };

        var slots = Find(Crew.Dana(home: Bakersfield), items, Fresno, ProspectIn(Pacific), Pacific, [Monday], Sunday);

        Assert.That(LocalTimes(slots, Pacific), Is.EqualTo(new[] { "04-13T11:00" }));
    }

    [Test]
    public void FieldPlanElsewhere_RemovesTheDay_NearOneIsAFit()
    {
        var plans = new[]
        {
            new FieldPlan(Guid.NewGuid(), "dana@example.com", new DateInterval(Monday, Monday), Sacramento, 80),
            new FieldPlan(Guid.NewGuid(), "dana@example.com", new DateInterval(Monday.PlusDays(1), Monday.PlusDays(1)), Clovis, 60),
        };
        var dana = Crew.Dana();
        var org = new OrgSnapshot([dana], fieldPlans: plans);

        var slots = Find(dana, [], Fresno, ProspectIn(Pacific), Pacific, [Monday, Monday.PlusDays(1)], Sunday, org);

        Assert.Multiple(() =>
        {
            Assert.That(slots.Select(s => s.Start.InZone(Pacific).Date).Distinct(), Is.EqualTo(new[] { Monday.PlusDays(1) }));
            Assert.That(slots.All(s => s.Fit == SlotFit.FieldPlan), Is.True);
        });
    }

    [Test]
    public void NextToAnUnplaceableAppointment_IsAllowedButRankedLower()
    {
        var items = new[] { Item("2026-04-13T08:00", "2026-04-13T10:30", Pacific, "Acme HQ", "Customer meeting") };

        var slots = Find(Crew.Dana(), items, Fresno, ProspectIn(Pacific), Pacific, [Monday], Sunday);

        var eleven = slots.Single(s => s.Start == Local("2026-04-13T11:00", Pacific));
        Assert.Multiple(() =>
        {
            Assert.That(eleven.Fit, Is.EqualTo(SlotFit.Unchecked));
            Assert.That(eleven.Score, Is.EqualTo(660 + SlotScoring.UncheckedPenalty));
            Assert.That(slots[0].Start, Is.EqualTo(Local("2026-04-13T10:30", Pacific)));
        });
    }

    [Test]
    public void NotBefore_CutsTheFirstDay()
    {
        var slots = Find(Crew.Dana(), [], null, ProspectIn(Pacific), Pacific, [Monday], Local("2026-04-13T15:10", Pacific));

        Assert.That(LocalTimes(slots, Pacific), Is.EqualTo(new[] { "04-13T15:30", "04-13T16:00" }));
    }
}
