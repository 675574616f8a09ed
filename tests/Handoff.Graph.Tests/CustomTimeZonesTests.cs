using NodaTime;

namespace Handoff.Graph.Tests;

/// <summary>Custom zones built from Graph's bias and transition rules agree with tzdb, hour by hour, for years.</summary>
public class CustomTimeZonesTests
{
    private static IEnumerable<TestCaseData> Equivalents()
    {
        // Rules as Windows/Exchange state them; occurrence 5 = the last such weekday of the month.
        // bias, then standard (month, occurrence, time), then daylight (month, occurrence, time), daylight bias; all on Sundays.
        yield return new TestCaseData("America/Los_Angeles", 480, 11, 1, "02:00", 3, 2, "02:00", -60).SetName("Pacific");
        yield return new TestCaseData("America/New_York", 300, 11, 1, "02:00", 3, 2, "02:00", -60).SetName("Eastern");
        yield return new TestCaseData("Europe/London", 0, 10, 5, "02:00", 3, 5, "01:00", -60).SetName("London, last Sundays");
        yield return new TestCaseData("Europe/Berlin", -60, 10, 5, "03:00", 3, 5, "02:00", -60).SetName("Berlin");
        yield return new TestCaseData("Australia/Sydney", -600, 4, 1, "03:00", 10, 1, "02:00", -60).SetName("Sydney, southern");
        yield return new TestCaseData("Asia/Kolkata", -330, 0, 0, "00:00", 0, 0, "00:00", 0).SetName("India, no DST");
    }

    [TestCaseSource(nameof(Equivalents))]
    public void Offsets_MatchTzdb_EveryHalfHour_2024To2028(string tzdbId, int bias, int standardMonth, int standardOccurrence, string standardTime,
        int daylightMonth, int daylightOccurrence, string daylightTime, int daylightBias)
    {
        var custom = CustomTimeZones.Build(new CustomZoneRules(bias,
            Rule(standardMonth, standardOccurrence, standardTime), Rule(daylightMonth, daylightOccurrence, daylightTime), daylightBias));
        var reference = DateTimeZoneProviders.Tzdb[tzdbId];
        var mismatches = new List<string>();
        for (var t = Instant.FromUtc(2024, 1, 1, 0, 0); t < Instant.FromUtc(2029, 1, 1, 0, 0); t += Duration.FromMinutes(30))
        {
            if (custom.GetUtcOffset(t) != reference.GetUtcOffset(t))
            {
                mismatches.Add($"{t}: {custom.GetUtcOffset(t)} vs {reference.GetUtcOffset(t)}");
            }
        }
        Assert.That(mismatches, Is.Empty);
    }

    [Test]
    public void LocalTimes_InTheSpringGap_AndTheAutumnOverlap_MapLikeTzdb()
    {
        var custom = CustomTimeZones.Build(new CustomZoneRules(480, Rule(11, 1, "02:00"), Rule(3, 2, "02:00"), -60));
        var reference = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];

        var gap = new LocalDateTime(2026, 3, 8, 2, 30);
        var overlap = new LocalDateTime(2026, 11, 1, 1, 30);

        Assert.That(custom.MapLocal(gap).Count, Is.Zero);
        Assert.That(custom.MapLocal(overlap).Count, Is.EqualTo(2));
        Assert.That(custom.AtLeniently(overlap).ToInstant(), Is.EqualTo(reference.AtLeniently(overlap).ToInstant()));
    }

    [Test]
    public void SameRules_GiveTheSameZoneInstance()
    {
        var rules = new CustomZoneRules(480, Rule(11, 1, "02:00"), Rule(3, 2, "02:00"), -60);
        Assert.That(CustomTimeZones.Build(rules with { }), Is.SameAs(CustomTimeZones.Build(rules)));
    }

    private static ZoneTransitionRule Rule(int month, int occurrence, string time) =>
        new(month, occurrence, IsoDayOfWeek.Sunday, NodaTime.Text.LocalTimePattern.CreateWithInvariantCulture("HH':'mm").Parse(time).Value.TickOfDay);
}
