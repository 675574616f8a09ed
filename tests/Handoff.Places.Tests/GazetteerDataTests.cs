using Handoff.Places.Text;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Time;

namespace Handoff.Places.Tests;

/// <summary>Checks over the whole embedded data set, so a regeneration that breaks an invariant fails here.</summary>
public class GazetteerDataTests
{
    private static Gazetteer Data => Gazetteer.Default;

    [Test]
    public void Header_NamesFormatAndTzVersion()
    {
        Assert.That(Data.Header, Does.StartWith("# handoff-gazetteer/2\ttzdb 20"));
    }

    [Test]
    public void Entries_CoverUsZipsCanadianFsasAndCitiesRegionsAndCountriesWorldwide()
    {
        var byKind = Data.Entries.GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.Count());

        Assert.That(byKind[GazetteerEntryKind.ZipCode], Is.InRange(40_000, 43_000));
        Assert.That(byKind[GazetteerEntryKind.PostalPrefix], Is.InRange(1_600, 1_700));
        Assert.That(Data.Entries.Count(e => e.Kind == GazetteerEntryKind.City && e.IsNorthAmerican), Is.InRange(30_000, 40_000));
        Assert.That(byKind[GazetteerEntryKind.City], Is.InRange(140_000, 160_000));
        Assert.That(byKind[GazetteerEntryKind.Region], Is.InRange(3_000, 4_000));
        Assert.That(byKind[GazetteerEntryKind.Country], Is.InRange(230, 250));
        Assert.That(Data.Entries.Where(e => e.Kind == GazetteerEntryKind.PostalPrefix).Select(e => e.Country).Distinct(), Is.EqualTo(new[] { "CA" }));
    }

    [Test]
    public void Entries_EveryZoneIsKnownToNodaTimeAndCanonicalInNorthAmerica()
    {
        var zones = Data.Entries.Where(e => e.IsNorthAmerican).Select(e => e.ZoneId).Distinct().ToList();

        Assert.That(zones.Where(z => TimeZoneIds.Resolve(z).Id != z), Is.Empty);
        Assert.That(Data.Entries.Select(e => e.ZoneId).Distinct().Where(z => !TimeZoneIds.IsValid(z)), Is.Empty);
        Assert.That(zones, Does.Not.Contain("America/St_Thomas").And.Not.Contain("America/Atikokan"));
    }

    [Test]
    public void Entries_InTheUsAndCanadaAreAllInTheAmericasOrThePacific()
    {
        Assert.That(Data.Entries.Where(e => e.IsNorthAmerican).Where(e => !e.ZoneId.StartsWith("America/", StringComparison.Ordinal) &&
                                            !e.ZoneId.StartsWith("Pacific/", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void Entries_NoMilitaryMailCodes()
    {
        Assert.That(Data.Entries.Where(e => e.Region is "AA" or "AE" or "AP"), Is.Empty);
        Assert.That(Data.TryGetPostalCode("09012", out _), Is.False);
    }

    [Test]
    public void EveryCity_IsFoundByItsOwnNameAndRegion()
    {
        // Fails if PlaceText merges names that the generator (tools/gazetteer/lib/text.mjs) kept apart.
        var missing = Data.Entries
            .Where(e => e.Kind == GazetteerEntryKind.City && e.IsNorthAmerican)
            .Where(e => !Data.TryGetCity(e.Name, e.Region, out var found) || !ReferenceEquals(found, e))
            .Select(e => $"{e.Name}, {e.Region}")
            .ToList();

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void EveryCityWorldwide_IsANamesakeOfItsOwnName()
    {
        // Fails if PlaceText keys a name differently from the generator (accents, "ß", "Ł", other scripts).
        var missing = Data.Entries
            .Where(e => e.Kind == GazetteerEntryKind.City)
            .Where(e => !Data.World.Namesakes(PlaceText.CityKey(e.Name)).Contains(e))
            .Select(e => $"{e.Name}, {e.Country}")
            .ToList();

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void EveryPostalCode_IsFoundByCodeInAnyCase()
    {
        var missing = Data.Entries
            .Where(e => e.Kind is GazetteerEntryKind.ZipCode or GazetteerEntryKind.PostalPrefix)
            .Where(e => !Data.TryGetPostalCode(e.Code!.ToLowerInvariant(), out var found) || !ReferenceEquals(found, e))
            .Select(e => e.Code)
            .ToList();

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void EveryPostalCode_ResolvesToItsOwnZone()
    {
        var wrong = Data.Entries
            .Where(e => e.Kind is GazetteerEntryKind.ZipCode or GazetteerEntryKind.PostalPrefix)
            .Select(e => (Entry: e, Match: Resolve.Resolver.Resolve(e.Code)))
            .Where(x => x.Match.Kind != LocationKind.Place || x.Match.Place!.ZoneId != x.Entry.ZoneId)
            .Select(x => x.Entry.Code)
            .ToList();

        Assert.That(wrong, Is.Empty);
    }

    [TestCase("93706", "Fresno", "CA", "America/Los_Angeles")]
    [TestCase("85001", "Phoenix", "AZ", "America/Phoenix")]
    [TestCase("60601", "Chicago", "IL", "America/Chicago")]
    [TestCase("83702", "Boise", "ID", "America/Boise")]
    [TestCase("47620", "Mount Vernon", "IN", "America/Chicago")]
    [TestCase("36869", "Phenix City", "AL", "America/New_York")]
    [TestCase("00901", "San Juan", "PR", "America/Puerto_Rico")]
    [TestCase("M5H", "Toronto", "ON", "America/Toronto")]
    [TestCase("B3H", "Halifax", "NS", "America/Halifax")]
    [TestCase("P9A", "Fort Frances", "ON", "America/Winnipeg")]
    [TestCase("V1C", "Cranbrook", "BC", "America/Edmonton")]
    public void TryGetPostalCode_KnownCode_HasCityRegionAndZone(string code, string city, string region, string zone)
    {
        Assert.That(Data.TryGetPostalCode(code, out var entry), Is.True);
        Assert.That(entry!.Name, Is.EqualTo(city));
        Assert.That(entry.Region, Is.EqualTo(region));
        Assert.That(entry.ZoneId, Is.EqualTo(zone));
    }
}
