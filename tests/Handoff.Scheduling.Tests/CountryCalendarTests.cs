using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Time;
using NodaTime;
using static Handoff.Scheduling.Tests.Samples;

namespace Handoff.Scheduling.Tests;

/// <summary>Business days follow the prospect's country (CLDR weekData); public holidays give a warning (date-holidays).</summary>
public class CountryCalendarTests
{
    private static readonly DateTimeZone Jerusalem = TimeZoneIds.Resolve("Asia/Jerusalem");
    private static readonly DateTimeZone Riyadh = TimeZoneIds.Resolve("Asia/Riyadh");

    private static CheckResult CheckVia(DateTimeZone prospectZone, string startUtc, Place? place = null)
    {
        var where = place is null ? LocationMatch.None : new LocationMatch(LocationKind.Place, place.Label, place);
        var prospect = ProspectWeek.Apply(Prospect(prospectZone), where);
        return Check(Draft(Meeting(startUtc), NewYork, prospect) with { Where = where }, now: Utc("2026-11-01T12:00:00Z"));
    }

    [TestCase("IL", new[] { IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday })]
    [TestCase("SA", new[] { IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday })]
    [TestCase("IR", new[] { IsoDayOfWeek.Friday })]
    [TestCase("IN", new[] { IsoDayOfWeek.Sunday })]
    [TestCase("AF", new[] { IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday })]
    [TestCase("DE", new[] { IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday })]
    [TestCase("ZZ", new[] { IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday })]
    public void Weekends_AreCldrs(string country, IsoDayOfWeek[] weekend) =>
        Assert.That(CountryCalendars.WeekendOf(country), Is.EquivalentTo(weekend));

    [Test]
    public void ASundayInIsrael_IsABusinessDay_AndAFridayIsNot()
    {
        // Sunday Dec 6 2026, 10:00 in Jerusalem (UTC+2) = 08:00 UTC; Friday Dec 4 the same.
        Assert.That(CheckVia(Jerusalem, "2026-12-06T08:00:00Z").Warnings.Select(w => w.Code), Has.No.Member(WarningCodes.ProspectOutsideBusinessHours));
        Assert.That(CheckVia(Jerusalem, "2026-12-04T08:00:00Z").Warnings.Single(w => w.Code == WarningCodes.ProspectOutsideBusinessHours).Message,
            Does.EndWith("not a business day for them."));
    }

    [Test]
    public void AFridayInSaudiArabia_IsNotABusinessDay_FromThePlacesCountry()
    {
        var riyadh = new Place("Riyadh", new GeoPoint(24.7, 46.7), "Asia/Riyadh", Country: "SA", City: "Riyadh");
        var friday = CheckVia(Riyadh, "2026-12-04T07:00:00Z", riyadh);
        Assert.That(friday.Warnings.Select(w => w.Code), Does.Contain(WarningCodes.ProspectOutsideBusinessHours));
        Assert.That(CheckVia(Riyadh, "2026-12-06T07:00:00Z", riyadh).Warnings.Select(w => w.Code), Has.No.Member(WarningCodes.ProspectOutsideBusinessHours), "Sunday");
    }

    [Test]
    public void Thanksgiving_IsAWarningForTheProspectAndTheRsm()
    {
        var result = Check(Draft(Meeting("2026-11-26T18:00:00Z"), NewYork, Prospect(LosAngeles, "Fresno"), RsmIn(LosAngeles)), now: Utc("2026-11-20T12:00:00Z"));
        var holidays = result.Warnings.Where(w => w.Code == WarningCodes.PublicHoliday).ToArray();
        Assert.That(holidays.Select(w => w.Message), Is.EqualTo(new[]
        {
            "Thursday, Nov 26 is Thanksgiving Day in the US: the prospect in Fresno may be off that day.",
            "Thursday, Nov 26 is Thanksgiving Day in the US: Dana Ruiz may be off that day.",
        }));
        Assert.That(holidays.Select(w => w.Severity), Is.All.EqualTo(Severity.Warning));
        Assert.That(result.Verdict, Is.Not.EqualTo(Verdict.Ok));
    }

    [Test]
    public void AHolidayOnTheirDateNotYours_UsesTheirLocalDate()
    {
        // 7 PM Dec 24 in New York is Christmas Day morning in Auckland.
        var auckland = TimeZoneIds.Resolve("Pacific/Auckland");
        var result = Check(Draft(Meeting("2026-12-25T00:00:00Z"), NewYork, Prospect(auckland)), now: Utc("2026-12-01T12:00:00Z"));
        Assert.That(result.Warnings.Single(w => w.Code == WarningCodes.PublicHoliday).Message, Does.StartWith("Friday, Dec 25 is Christmas Day in New Zealand"));
    }

    [Test]
    public void ARegionalHoliday_CountsForThatRegionOnly()
    {
        // Epiphany (Jan 6) is a public holiday in Bavaria, not in all of Germany.
        Assert.That(CountryCalendars.HolidayOn(new LocalDate(2027, 1, 6), "DE", "BY"), Is.EqualTo("Epiphany"));
        Assert.That(CountryCalendars.HolidayOn(new LocalDate(2027, 1, 6), "DE", "DE-BE"), Is.Null);
        Assert.That(CountryCalendars.HolidayOn(new LocalDate(2027, 1, 6), "DE"), Is.Null);
    }

    [Test]
    public void AnOrdinaryDay_HasNoHoliday() =>
        Assert.That(Check(Draft(Meeting("2026-12-03T18:00:00Z"), NewYork, Prospect(LosAngeles), RsmIn(LosAngeles))).Warnings.Select(w => w.Code),
            Has.No.Member(WarningCodes.PublicHoliday));
}
