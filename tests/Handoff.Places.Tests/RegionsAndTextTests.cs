using Handoff.Places.Text;

namespace Handoff.Places.Tests;

public class RegionsAndTextTests
{
    [TestCase("CA", "CA", "US")]
    [TestCase("ca", "CA", "US")]
    [TestCase("California", "CA", "US")]
    [TestCase("NEW YORK", "NY", "US")]
    [TestCase("District of Columbia", "DC", "US")]
    [TestCase("Ontario", "ON", "CA")]
    [TestCase("Québec", "QC", "CA")]
    [TestCase("B.C.", "BC", "CA")]
    [TestCase("Newfoundland and Labrador", "NL", "CA")]
    [TestCase("Prince Edward Island", "PE", "CA")]
    public void TryFind_CodeNameOrAlias_FindsTheRegion(string text, string code, string country)
    {
        Assert.That(Regions.TryFind(text, out var region), Is.True);
        Assert.That(region!.Code, Is.EqualTo(code));
        Assert.That(region.Country, Is.EqualTo(country));
    }

    [TestCase("XX")]
    [TestCase("Atlantis")]
    [TestCase("")]
    [TestCase(null)]
    public void TryFind_Unknown_IsFalse(string? text)
    {
        Assert.That(Regions.TryFind(text, out _), Is.False);
    }

    [Test]
    public void List_HasFiftyStatesDcTerritoriesAndThirteenProvinces()
    {
        Assert.That(Regions.List.Count(r => r.Country == "CA"), Is.EqualTo(13));
        Assert.That(Regions.List.Count(r => r.Country == "US"), Is.EqualTo(59)); // 50 + DC + 8 territories and freely associated states
    }

    [TestCase("St. John's", "saintjohns")]
    [TestCase("Saint Johns", "saintjohns")]
    [TestCase("Montréal", "montreal")]
    [TestCase("Mc Grath", "mcgrath")]
    [TestCase("McGrath", "mcgrath")]
    [TestCase("Ft. Worth", "fortworth")]
    [TestCase("Mt. Vernon", "mountvernon")]
    [TestCase("Ste-Anne-des-Monts", "sainteannedesmonts")]
    [TestCase("‘Ele‘ele", "eleele")]
    public void CityKey_NormalisesAsTheGeneratorDoes(string name, string key)
    {
        Assert.That(PlaceText.CityKey(name), Is.EqualTo(key));
    }
}
