namespace Handoff.Places.Tests;

public class UsPlaceTests
{
    [TestCase("93706")]
    [TestCase("93706-1234")]
    [TestCase("93706 1234")]
    [TestCase("937061234")]
    [TestCase("  93706  ")]
    [TestCase("Fresno, CA 93706")]
    [TestCase("Fresno CA 93706")]
    [TestCase("fresno, ca 93706-1234, USA")]
    [TestCase("Fresno, California 93706")]
    [TestCase("Fresno, CA, 93706")]
    [TestCase("Acme Metals, 2200 E Jensen Ave Ste 4, Fresno, CA 93706")]
    [TestCase("Acme Metals - Plant 2, 2200 E. Jensen Ave., Suite #4, Fresno, CA 93706 (front gate)")]
    [TestCase("PO Box 12, Fresno, CA 93706, United States")]
    [TestCase("Acme, 12345 Main St, Fresno CA 93706")]
    [TestCase("Fresno 93706")]
    [TestCase("2200 E Jensen Ave, Fresno 93706")]
    public void Resolve_Zip_PlacesAtTheZip(string text)
    {
        var place = Resolve.Place(text);

        Assert.That(place.Label, Is.EqualTo("Fresno, CA 93706"));
        Assert.That(place.PostalCode, Is.EqualTo("93706"));
        Assert.That(place.City, Is.EqualTo("Fresno"));
        Assert.That(place.Region, Is.EqualTo("CA"));
        Assert.That(place.Country, Is.EqualTo("US"));
        Assert.That(place.ZoneId, Is.EqualTo("America/Los_Angeles"));
        Assert.That(place.Point.Latitude, Is.EqualTo(36.6486).Within(1e-9));
        Assert.That(place.Point.Longitude, Is.EqualTo(-119.9987).Within(1e-9));
    }

    [TestCase("Fresno, CA")]
    [TestCase("Fresno CA")]
    [TestCase("Fresno, California")]
    [TestCase("FRESNO ,   ca")]
    [TestCase("fresno california usa")]
    [TestCase("Fresno, Calif.")]
    [TestCase("Acme Metals, 2200 E Jensen Ave Ste 4, Fresno, CA")]
    [TestCase("2200 E Jensen Ave Fresno CA")]
    [TestCase("Fresno")]
    public void Resolve_FresnoWithoutZip_PlacesAtTheCity(string text)
    {
        var place = Resolve.Place(text);

        Assert.That(place.Label, Is.EqualTo("Fresno, CA"));
        Assert.That(place.PostalCode, Is.Null);
        Assert.That(place.ZoneId, Is.EqualTo("America/Los_Angeles"));
        Assert.That(place.Point.Latitude, Is.EqualTo(36.7477).Within(1e-9));
    }

    [TestCase("Phoenix, AZ", "Phoenix, AZ", "America/Phoenix")]
    [TestCase("Chicago, IL", "Chicago, IL", "America/Chicago")]
    [TestCase("Chicago, Illinois 60601", "Chicago, IL 60601", "America/Chicago")]
    [TestCase("Boise, ID", "Boise, ID", "America/Boise")]
    [TestCase("Boise, Idaho 83702", "Boise, ID 83702", "America/Boise")]
    [TestCase("Coeur d'Alene, ID", "Coeur d'Alene, ID", "America/Los_Angeles")]
    [TestCase("Indianapolis, IN 46204", "Indianapolis, IN 46204", "America/Indiana/Indianapolis")]
    [TestCase("Evansville, IN", "Evansville, IN", "America/Chicago")]
    [TestCase("Louisville KY", "Louisville, KY", "America/Kentucky/Louisville")]
    [TestCase("El Paso, TX", "El Paso, TX", "America/Denver")]
    [TestCase("Pensacola, FL", "Pensacola, FL", "America/Chicago")]
    [TestCase("Detroit, MI", "Detroit, MI", "America/Detroit")]
    [TestCase("Anchorage, AK 99503", "Anchorage, AK 99503", "America/Anchorage")]
    [TestCase("Honolulu, HI", "Honolulu, HI", "Pacific/Honolulu")]
    [TestCase("San Juan, PR", "San Juan, PR", "America/Puerto_Rico")]
    [TestCase("New York, NY", "New York, NY", "America/New_York")]
    [TestCase("Washington, DC", "Washington, DC", "America/New_York")]
    [TestCase("Salt Lake City, Utah", "Salt Lake City, UT", "America/Denver")]
    [TestCase("Sacramento, CA 95814", "Sacramento, CA 95814", "America/Los_Angeles")]
    public void Resolve_UsPlace_HasItsZone(string text, string label, string zone)
    {
        var place = Resolve.Place(text);

        Assert.That(place.Label, Is.EqualTo(label));
        Assert.That(place.ZoneId, Is.EqualTo(zone));
        Assert.That(place.Country, Is.EqualTo("US"));
    }

    [TestCase("St. Louis, MO")]
    [TestCase("Saint Louis MO")]
    [TestCase("st louis, missouri")]
    [TestCase("ST. LOUIS MO 63101")]
    public void Resolve_SaintAbbreviations_AreOneCity(string text)
    {
        var place = Resolve.Place(text);

        Assert.That(place.City, Is.EqualTo("St. Louis"));
        Assert.That(place.Region, Is.EqualTo("MO"));
        Assert.That(place.ZoneId, Is.EqualTo("America/Chicago"));
    }

    [Test]
    public void Resolve_FtAbbreviation_IsFort()
    {
        Assert.That(Resolve.Place("Ft. Worth, TX").Label, Is.EqualTo("Fort Worth, TX"));
    }

    [Test]
    public void Resolve_ZipInAnotherState_CityAndStateWin()
    {
        // 39706 is in Mississippi: the typed city and state agree with each other, not with the ZIP.
        var place = Resolve.Place("Fresno, CA 39706");

        Assert.That(place.Label, Is.EqualTo("Fresno, CA"));
        Assert.That(place.PostalCode, Is.Null);
    }

    [Test]
    public void Resolve_ZipWithUnknownCity_ZipWins()
    {
        Assert.That(Resolve.Place("Acme Campus, Westside Annex, CA 93706").Label, Is.EqualTo("Fresno, CA 93706"));
    }

    [Test]
    public void Resolve_SameNameInTwoStates_StateDecides()
    {
        Assert.That(Resolve.Place("Portland, OR").ZoneId, Is.EqualTo("America/Los_Angeles"));
        Assert.That(Resolve.Place("Portland, ME").ZoneId, Is.EqualTo("America/New_York"));
        Assert.That(Resolve.Place("Springfield, IL").ZoneId, Is.EqualTo("America/Chicago"));
        Assert.That(Resolve.Place("Springfield, MA").ZoneId, Is.EqualTo("America/New_York"));
    }
}
