using Handoff.Scheduling.Time;

namespace Handoff.Scheduling.Tests;

public class TimeZoneIdsTests
{
    [TestCase("America/Los_Angeles", "America/Los_Angeles")]
    [TestCase("Pacific Standard Time", "America/Los_Angeles")]
    [TestCase("Eastern Standard Time", "America/New_York")]
    [TestCase("eastern standard time", "America/New_York")]
    [TestCase("US Mountain Standard Time", "America/Phoenix")]
    [TestCase("India Standard Time", "Asia/Kolkata")]
    [TestCase("Nepal Standard Time", "Asia/Kathmandu")]
    [TestCase("W. Europe Standard Time", "Europe/Berlin")]
    [TestCase("Asia/Calcutta", "Asia/Kolkata")]
    [TestCase("US/Pacific", "America/Los_Angeles")]
    [TestCase("Europe/Kyiv (Kiev)", "Europe/Kyiv")]
    [TestCase(" America/Chicago ", "America/Chicago")]
    [TestCase("tzone://Microsoft/Utc", "UTC")]
    [TestCase("UTC", "UTC")]
    public void TryResolve_KnownId_GivesCanonicalIana(string id, string expected)
    {
        Assert.That(TimeZoneIds.TryResolve(id, out var zone), Is.True);
        Assert.That(zone!.Id, Is.EqualTo(expected));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("Mars/Olympus_Mons")]
    [TestCase("Customized Time Zone")]
    [TestCase("Pacific Standard")]
    public void TryResolve_UnknownOrBlank_IsFalse(string? id)
    {
        Assert.That(TimeZoneIds.TryResolve(id, out var zone), Is.False);
        Assert.That(zone, Is.Null);
    }

    [Test]
    public void Resolve_Unknown_Throws() =>
        Assert.That(() => TimeZoneIds.Resolve("Nowhere/Special"), Throws.ArgumentException.With.Message.Contains("Nowhere/Special"));

    [TestCase("America/Los_Angeles", "Pacific Time")]
    [TestCase("America/Phoenix", "Arizona time")]
    [TestCase("Europe/Berlin", "Berlin time")]
    [TestCase("America/Argentina/Buenos_Aires", "Buenos Aires time")]
    public void Friendly_GivesNamePeopleKnow(string id, string expected) =>
        Assert.That(ZoneNames.Friendly(TimeZoneIds.Resolve(id)), Is.EqualTo(expected));
}
