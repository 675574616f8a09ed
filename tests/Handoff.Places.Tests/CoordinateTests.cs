using Handoff.Scheduling.Places;

namespace Handoff.Places.Tests;

public class CoordinateTests
{
    [TestCase("36.74,-119.78", "36.74, -119.78 (near Fresno, CA)", "America/Los_Angeles")]
    [TestCase(" 36.74, -119.78 ", "36.74, -119.78 (near Fresno, CA)", "America/Los_Angeles")]
    [TestCase("(33.4484 -112.0740)", "33.4484, -112.074 (near Phoenix, AZ)", "America/Phoenix")]
    [TestCase("41.8781,-87.6298", "41.8781, -87.6298 (near Chicago, IL)", "America/Chicago")]
    [TestCase("43.6532, -79.3832", "43.6532, -79.3832 (near Toronto, ON)", "America/Toronto")]
    [TestCase("44.6488, -63.5752", "44.6488, -63.5752 (near Halifax, NS)", "America/Halifax")]
    [TestCase("43.615, -116.2023", "43.615, -116.2023 (near Boise, ID)", "America/Boise")]
    public void Resolve_Coordinates_TakeTheNearestPlacesZone(string text, string label, string zone)
    {
        var place = Resolve.Place(text);

        Assert.That(place.Label, Is.EqualTo(label));
        Assert.That(place.ZoneId, Is.EqualTo(zone));
        Assert.That(place.PostalCode, Is.Null);
        Assert.That(place.City, Is.Null);
    }

    [Test]
    public void Resolve_Coordinates_KeepTheExactPoint()
    {
        Assert.That(Resolve.Place("36.74,-119.78").Point, Is.EqualTo(new GeoPoint(36.74, -119.78)));
    }

    [Test]
    public void ResolvePoint_FarFromAnyPlace_HasNoZone()
    {
        var place = Resolve.Resolver.ResolvePoint(new GeoPoint(35, -40)); // mid-Atlantic, 1,500 km from the Azores

        Assert.That(place.Label, Is.EqualTo("35, -40"));
        Assert.That(place.ZoneId, Is.Null);
        Assert.That(place.Region, Is.Null);
    }

    [Test]
    public void ResolvePoint_AcrossTheDateLine_FindsTheAleutians()
    {
        var place = Resolve.Resolver.ResolvePoint(new GeoPoint(51.88, -176.65)); // Adak, AK

        Assert.That(place.ZoneId, Is.EqualTo("America/Adak"));
    }

    [TestCase("91.0, 10.0")]
    [TestCase("36.74, -190.5")]
    [TestCase("12, 34")]
    public void Resolve_NotCoordinates_IsNotReadAsAPoint(string text)
    {
        Assert.That(Resolve.Kind(text), Is.EqualTo(LocationKind.Unknown));
    }
}
