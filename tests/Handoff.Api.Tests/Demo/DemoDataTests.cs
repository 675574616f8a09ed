using Handoff.Api.Demo;
using NodaTime;

namespace Handoff.Api.Tests.Demo;

/// <summary>The demo org does not contradict itself: calendars follow field plans, and the README's days avoid them.</summary>
public sealed class DemoDataTests
{
    private static readonly string[] NotAPlace = ["Microsoft Teams Meeting", "Phone", "Downtown clinic"];

    [TestCase("2026-12-04")] // a Friday
    [TestCase("2026-12-07")] // a Monday
    [TestCase("2026-12-10")] // a Thursday
    public void On_a_field_plan_day_every_in_person_item_is_at_the_plan_place(string todayText)
    {
        var today = LocalDate.FromDateTime(DateTime.Parse(todayText, System.Globalization.CultureInfo.InvariantCulture));
        var plans = DemoOrg.FieldPlans(today);
        foreach (var plan in plans)
        {
            var rsm = DemoOrg.Rsms.Single(r => r.Email == plan.RsmEmail);
            var zone = rsm.Zone!;
            var window = new Interval(zone.AtStartOfDay(plan.Dates.Start).ToInstant(), zone.AtStartOfDay(plan.Dates.End.PlusDays(1)).ToInstant());
            var places = DemoCalendarSource.ItemsFor(rsm, window, plans)
                .Where(i => i.Location is { } l && !NotAPlace.Contains(l) && !i.IsPrivate).Select(i => i.Location).Distinct().ToList();
            Assert.That(places, Is.Not.Empty.And.All.EqualTo(plan.Place.Label), $"{rsm.DisplayName} on {plan.Dates}");
        }
    }

    [Test]
    public void The_readmes_next_thursday_never_falls_on_a_field_plan()
    {
        for (var today = new LocalDate(2026, 11, 30); today < new LocalDate(2027, 1, 11); today = today.PlusDays(1))
        {
            var nextThursday = today.Next(IsoDayOfWeek.Thursday); // GNU date's "next thursday"
            var nextTuesday = today.Next(IsoDayOfWeek.Tuesday);
            foreach (var plan in DemoOrg.FieldPlans(today).Where(p => p.RsmEmail == DemoOrg.West.Email)) // the README books Dana
            {
                Assert.That(plan.Dates.Contains(nextThursday) || plan.Dates.Contains(nextTuesday), Is.False, $"seeded on {today}: {plan.Note}");
            }
        }
    }
}
