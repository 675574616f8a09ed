using Handoff.Scheduling.Places;

namespace Handoff.Places.Tests;

public class NearestGridTests
{
    [Test]
    public void Nearest_RandomPointsInNorthAmerica_MatchesABruteForceSearch()
    {
        const double maxKm = 150;
        var entries = Gazetteer.Default.Entries;
        var random = new Random(20240607);
        for (var i = 0; i < 300; i++)
        {
            var point = new GeoPoint(random.NextDouble() * 45 + 20, random.NextDouble() * -110 - 50);
            var expectedKm = entries.Min(e => point.DistanceKm(e.Point));

            var found = Gazetteer.Default.Nearest(point, maxKm, out var km);

            if (expectedKm > maxKm)
            {
                Assert.That(found, Is.Null, $"{point}");
                continue;
            }
            // Ranking uses a flat-earth metric, so a near-tie may pick another entry, never a noticeably farther one.
            Assert.That(found, Is.Not.Null, $"{point} expected {expectedKm} km, grid said {km} km");
            Assert.That(km, Is.EqualTo(expectedKm).Within(0.5), $"{point}: got {found!.Name}");
        }
    }

    [Test]
    public void Nearest_BeyondTheLimit_IsNull()
    {
        var found = Gazetteer.Default.Nearest(new GeoPoint(30.0, -40.0), 100, out var km); // mid-Atlantic

        Assert.That(found, Is.Null);
        Assert.That(km, Is.GreaterThan(100));
    }

    [Test]
    public void Nearest_OnAnEntry_IsThatEntry()
    {
        Assert.That(Gazetteer.Default.TryGetPostalCode("93706", out var fresno), Is.True);

        var found = Gazetteer.Default.Nearest(fresno!.Point, 1, out var km);

        Assert.That(km, Is.EqualTo(0).Within(1e-9));
        Assert.That(found!.Point, Is.EqualTo(fresno.Point));
    }
}
