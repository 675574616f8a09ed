namespace Handoff.Places.Tests;

public class CanadianPlaceTests
{
    [TestCase("Suite 300, 1 Main St., Toronto, ON M5H 2N2")]
    [TestCase("M5H 2N2")]
    [TestCase("m5h2n2")]
    [TestCase("Toronto ON M5H-2N2 Canada")]
    [TestCase("1 Main St W, Toronto, Ontario, M5H 2N2")]
    public void Resolve_FullPostalCode_PlacesAtTheFsa(string text)
    {
        var place = Resolve.Place(text);

        Assert.That(place.Label, Is.EqualTo("Toronto, ON M5H 2N2"));
        Assert.That(place.PostalCode, Is.EqualTo("M5H 2N2"));
        Assert.That(place.City, Is.EqualTo("Toronto"));
        Assert.That(place.Region, Is.EqualTo("ON"));
        Assert.That(place.Country, Is.EqualTo("CA"));
        Assert.That(place.ZoneId, Is.EqualTo("America/Toronto"));
        Assert.That(place.Point.Latitude, Is.EqualTo(43.649).Within(1e-9));
    }

    [TestCase("Calgary AB T2P", "Calgary, AB T2P", "America/Edmonton")]
    [TestCase("T2P", "Calgary, AB T2P", "America/Edmonton")]
    [TestCase("calgary, alberta t2p 1j9", "Calgary, AB T2P 1J9", "America/Edmonton")]
    [TestCase("Halifax, NS B3H 4R2", "Halifax, NS B3H 4R2", "America/Halifax")]
    [TestCase("Vancouver, BC V6B 1A1", "Vancouver, BC V6B 1A1", "America/Vancouver")]
    [TestCase("Winnipeg, Manitoba R3C 4T3", "Winnipeg, MB R3C 4T3", "America/Winnipeg")]
    [TestCase("Regina SK S4P 3Y2", "Regina, SK S4P 3Y2", "America/Regina")]
    [TestCase("St. John's, NL A1C 5M2", "St. John's, NL A1C 5M2", "America/St_Johns")]
    [TestCase("Montréal (Québec) H3B 2Y5", "Montréal, QC H3B 2Y5", "America/Toronto")]
    [TestCase("Moncton NB E1C", "Moncton, NB E1C", "America/Moncton")]
    public void Resolve_CanadianPostalCode_HasItsZone(string text, string label, string zone)
    {
        var place = Resolve.Place(text);

        Assert.That(place.Label, Is.EqualTo(label));
        Assert.That(place.ZoneId, Is.EqualTo(zone));
        Assert.That(place.Country, Is.EqualTo("CA"));
    }

    [TestCase("Toronto, ON", "Toronto, ON", "America/Toronto")]
    [TestCase("Toronto, Ontario, Canada", "Toronto, ON", "America/Toronto")]
    [TestCase("Toronto, ON, CA", "Toronto, ON", "America/Toronto")]
    [TestCase("Halifax, Nova Scotia", "Halifax, NS", "America/Halifax")]
    [TestCase("Montreal, QC", "Montréal, QC", "America/Toronto")]
    [TestCase("Quebec City, QC", "Québec, QC", "America/Toronto")]
    [TestCase("Saskatoon, Sask.", "Saskatoon, SK", "America/Regina")]
    [TestCase("Iqaluit, NU", "Iqaluit, NU", "America/Iqaluit")]
    [TestCase("Whitehorse, YT", "Whitehorse, YT", "America/Whitehorse")]
    [TestCase("Toronto", "Toronto, ON", "America/Toronto")]
    public void Resolve_CanadianCity_HasItsZone(string text, string label, string zone)
    {
        var place = Resolve.Place(text);

        Assert.That(place.Label, Is.EqualTo(label));
        Assert.That(place.ZoneId, Is.EqualTo(zone));
        Assert.That(place.PostalCode, Is.Null);
    }

    [Test]
    public void Resolve_RuralFsaWithItsTown_PlacesAtTheTown()
    {
        // T0E spans western Alberta; the town typed with it is the better point.
        var place = Resolve.Place("Jasper, AB T0E 1E0");

        Assert.That(place.Label, Is.EqualTo("Jasper, AB T0E 1E0"));
        Assert.That(place.City, Is.EqualTo("Jasper"));
        Assert.That(place.Point.Longitude, Is.LessThan(-117.5));
    }

    [Test]
    public void Resolve_RuralFsaAlone_PlacesAtTheAreaCentre()
    {
        var place = Resolve.Place("T0E 1E0");

        Assert.That(place.Label, Is.EqualTo("Western Alberta, AB T0E 1E0"));
        Assert.That(place.ZoneId, Is.EqualTo("America/Edmonton"));
    }
}
