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
    [TestCase("Central Standard Time (Mexico)", "America/Mexico_City")]
    [TestCase("Mountain Standard Time (Mexico)", "America/Mazatlan")]
    [TestCase("Eastern Standard Time (Mexico)", "America/Cancun")]
    [TestCase("Pacific Standard Time (Mexico)", "America/Tijuana")]
    [TestCase("Europe/Amsterdam", "Europe/Amsterdam")]
    [TestCase("Europe/Stockholm", "Europe/Stockholm")]
    [TestCase("Atlantic/Reykjavik", "Atlantic/Reykjavik")]
    [TestCase("Europe/Kiev", "Europe/Kyiv")]
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
    [TestCase("America/New_York", "Eastern Time")]
    [TestCase("America/Phoenix", "Mountain Time (Phoenix)")]
    [TestCase("Europe/Berlin", "Central European Time (Berlin)")]
    [TestCase("Europe/Amsterdam", "Central European Time (Amsterdam)")]
    [TestCase("Europe/Stockholm", "Central European Time (Stockholm)")]
    [TestCase("Atlantic/Reykjavik", "Greenwich Mean Time (Reykjavik)")]
    [TestCase("Asia/Calcutta", "India Standard Time (Kolkata)")]
    [TestCase("Europe/Kyiv (Kiev)", "Eastern European Time (Kyiv)")]
    [TestCase("Pacific/Auckland", "New Zealand Time (Auckland)")]
    [TestCase("Australia/Lord_Howe", "Lord Howe Time (Lord Howe Island)")]
    [TestCase("America/Argentina/Buenos_Aires", "Argentina Time (Buenos Aires)")]
    [TestCase("Africa/Casablanca", "Casablanca time")]
    [TestCase("UTC", "UTC")]
    public void Friendly_GivesNamePeopleKnow(string id, string expected) =>
        Assert.That(ZoneNames.Friendly(TimeZoneIds.Resolve(id)), Is.EqualTo(expected));
}

/// <summary>Every Windows id in the pinned CLDR table (tools/cldr → Time/Data/windows-zones.tsv) resolves as CLDR maps it.</summary>
public class CldrWindowsZonesTests
{
    private static IEnumerable<TestCaseData> EveryWindowsId() =>
        CldrZones.Windows.Select(w => new TestCaseData(w.WindowsId, w.IanaId).SetName($"Windows {w.WindowsId}"));

    [Test]
    public void TheTable_IsCldrsWholeList() =>
        Assert.That(CldrZones.Windows, Has.Count.GreaterThanOrEqualTo(139));

    [TestCaseSource(nameof(EveryWindowsId))]
    public void WindowsId_ResolvesToCldrsZone(string windowsId, string iana)
    {
        Assert.That(TimeZoneIds.TryResolve(windowsId, out var zone), Is.True);
        Assert.That(zone!.Id, Is.EqualTo(iana == "Etc/UTC" ? "UTC" : iana));
        Assert.That(TimeZoneIds.Resolve(windowsId.ToUpperInvariant()).Id, Is.EqualTo(zone.Id), "ids are compared ignoring case");
    }

    [Test]
    public void EveryCldrZone_IsKnownToNodaTime_AndNamed()
    {
        foreach (var zone in CldrZones.All)
        {
            Assert.That(TimeZoneIds.TryResolve(zone.Id, out var resolved), Is.True, zone.Id);
            Assert.That(ZoneNames.Friendly(resolved!), Is.Not.Empty, zone.Id);
            foreach (var alias in zone.Aliases.Where(a => a.Contains('/')))
            {
                if (TimeZoneIds.TryResolve(alias, out var viaAlias))
                {
                    Assert.That(viaAlias.Id, Is.EqualTo(resolved!.Id), $"legacy {alias}");
                }
            }
        }
    }
}
