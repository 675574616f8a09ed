using Handoff.Scheduling.Places;

namespace Handoff.Places.Tests;

/// <summary>A name that fits several places says so, lists the others, and lets the check's hints change the pick.</summary>
public class AmbiguityTests
{
    private static LocationMatch Resolve(string text, PlaceHints? hints = null) =>
        Places.Tests.Resolve.Resolver.Resolve(text, hints ?? PlaceHints.None);

    private static PlaceHints Rsm(string country, string region, string zone) =>
        new([], [new Place("home", new GeoPoint(0, 0), zone, country, region)], [zone]);

    [TestCase("London", "Europe/London", "London, ON")]
    [TestCase("Paris", "Europe/Paris", "Paris, TX")]
    [TestCase("Birmingham", "Europe/London", "Birmingham, AL")]
    [TestCase("Portland", "America/Los_Angeles", "Portland, ME")]
    [TestCase("Springfield", "America/Chicago", "Springfield, MA")]
    [TestCase("Sydney", "Australia/Sydney", "Sydney, NS")]
    [TestCase("123 Main St, Springfield", "America/Chicago", "Springfield, IL")]
    [TestCase("Kansas City", "America/Chicago", "Kansas City, KS")]
    [TestCase("Clovis 93706", "America/Los_Angeles", "Clovis, NM")]
    public void Resolve_NameOfSeveralPlaces_IsAmbiguousWithAlternatives(string text, string zone, string alternative)
    {
        var match = Resolve(text);

        Assert.That(match.Kind, Is.EqualTo(LocationKind.Place));
        Assert.That(match.Ambiguous, Is.True);
        Assert.That(match.Place!.ZoneId, Is.EqualTo(zone));
        Assert.That(match.Alternatives.Select(a => a.Label), Does.Contain(alternative));
        Assert.That(match.Alternatives, Has.Count.InRange(1, 4));
    }

    [Test]
    public void Resolve_London_ListsOntarioBesideTheUk()
    {
        var match = Resolve("London");

        Assert.That(match.Place!.Label, Is.EqualTo("London, United Kingdom"));
        Assert.That(match.Alternatives[0].Label, Is.EqualTo("London, ON"));
        Assert.That(match.Alternatives[0].ZoneId, Is.EqualTo("America/Toronto"));
    }

    [TestCase("buyer@acme.co.uk", "London", "GB")]
    [TestCase("buyer@acme.ca", "London", "CA")]
    [TestCase("vendas@empresa.com.br", "Santiago", "BR")]
    [TestCase("buyer@acme.ca", "Cambridge", "CA")]
    [TestCase("ops@acme.com.au", "Perth", "AU")]
    [TestCase("ops@acme.co.uk", "Perth", "GB")]
    public void Resolve_EmailCountry_ChangesThePick(string email, string text, string country)
    {
        var hints = new PlaceHints(EmailCountries.Of([email]), [], []);

        var match = Resolve(text, hints);

        Assert.That(match.Place!.Country, Is.EqualTo(country));
    }

    [Test]
    public void Resolve_RsmInOntario_PicksLondonOntario_AndStillSaysItIsAmbiguous()
    {
        var match = Resolve("London", Rsm("CA", "ON", "America/Toronto"));

        Assert.That(match.Place!.Label, Is.EqualTo("London, ON"));
        Assert.That(match.Ambiguous, Is.True);
        Assert.That(match.Alternatives.Select(a => a.Label), Does.Contain("London, United Kingdom"));
    }

    [TestCase("Springfield", "MA", "America/New_York", "Springfield, MA")]
    [TestCase("Springfield", "IL", "America/Chicago", "Springfield, IL")]
    [TestCase("Portland", "ME", "America/New_York", "Portland, ME")]
    [TestCase("Birmingham", "AL", "America/Chicago", "Birmingham, AL")]
    [TestCase("Paris", "TX", "America/Chicago", "Paris, TX")]
    public void Resolve_RsmRegion_ChangesThePick(string text, string region, string zone, string label)
    {
        var match = Resolve(text, Rsm("US", region, zone));

        Assert.That(match.Place!.Label, Is.EqualTo(label));
        Assert.That(match.Ambiguous, Is.True);
    }

    [TestCase("London, ON")]
    [TestCase("London, UK")]
    [TestCase("London EC2R 8EJ")]
    [TestCase("Portland, OR")]
    [TestCase("Springfield, IL 62701")]
    [TestCase("Sydney NSW 2000")]
    [TestCase("Toronto")]
    [TestCase("Paris, France")]
    public void Resolve_NameWithItsRegionCountryOrPostcode_IsNotAmbiguous(string text)
    {
        var match = Resolve(text);

        Assert.That(match.Ambiguous, Is.False, string.Join(" · ", match.Alternatives.Select(a => a.Label)));
        Assert.That(match.Alternatives, Is.Empty);
    }

    [TestCase("buyer@acme.co.uk", "GB")]
    [TestCase("einkauf@firma.de", "DE")]
    [TestCase("ops@acme.com.au", "AU")]
    [TestCase("CFO@ACME.FR", "FR")]
    [TestCase("founder@startup.io", null)]
    [TestCase("cfo@acme-metals.example", null)]
    [TestCase("cfo@acme.com", null)]
    [TestCase("not-an-email", null)]
    public void EmailCountries_ReadTheCountryCodeDomain(string email, string? country)
    {
        Assert.That(EmailCountries.Of(email), Is.EqualTo(country));
    }

    [TestCase("DE", "Europe/Berlin", false)]
    [TestCase("GB", "Europe/London", false)]
    [TestCase("ES", "Europe/Madrid", true)]
    [TestCase("US", "America/New_York", true)]
    public void Country_GivesItsMainZone_AndWhetherItHasOthers(string code, string zone, bool ambiguous)
    {
        var match = Places.Tests.Resolve.Resolver.Country(code);

        Assert.That(match.Place!.ZoneId, Is.EqualTo(zone));
        Assert.That(match.Ambiguous, Is.EqualTo(ambiguous));
    }
}
