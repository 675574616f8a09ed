using System.IO.Compression;
using System.Text;
using Handoff.Scheduling.Places;

namespace Handoff.Places.Tests;

public class GazetteerLoadTests
{
    private const string Header = "# handoff-gazetteer/2\ttzdb test\n" +
                                  "kind\tcode\tname\tregion\tcountry\tlat\tlon\tzone\tpopulation\tnames\tshare\n";

    [Test]
    public void Load_SmallFile_ResolvesFromIt()
    {
        var gazetteer = Load(Header +
            "Z\t99999\tTestville\tOR\tUS\t44.0000\t-121.0000\tAmerica/Los_Angeles\t\t\t\n" +
            "C\t\tTestville\tOR\tUS\t44.0100\t-121.0100\tUS/Pacific\t250000\t\t\n");
        var resolver = new GazetteerPlaceResolver(gazetteer);

        var byZip = resolver.Resolve("99999").Place!;
        var byCity = resolver.Resolve("Testville").Place!;

        Assert.That(byZip.Label, Is.EqualTo("Testville, OR 99999"));
        Assert.That(byCity.Label, Is.EqualTo("Testville, OR"));
        Assert.That(byCity.ZoneId, Is.EqualTo("America/Los_Angeles"), "links are made canonical at load");
        Assert.That(byCity.Point, Is.EqualTo(new GeoPoint(44.01, -121.01)));
    }

    [TestCase("Z\t99999\tTestville\tOR\tUS\t44.0\t-121.0\tMars/Olympus\t\t\t\n", "unknown zone")]
    [TestCase("Z\t99999\tTestville\tXX\tUS\t44.0\t-121.0\tAmerica/Los_Angeles\t\t\t\n", "unknown region")]
    [TestCase("Z\t99999\tTestville\tOR\tCA\t44.0\t-121.0\tAmerica/Los_Angeles\t\t\t\n", "unknown region")]
    [TestCase("Z\t99999\tTestville\tOR\tUS\t94.0\t-121.0\tAmerica/Los_Angeles\t\t\t\n", "invalid coordinates")]
    [TestCase("Q\t99999\tTestville\tOR\tUS\t44.0\t-121.0\tAmerica/Los_Angeles\t\t\t\n", "unknown kind")]
    [TestCase("Z\t99999\tTestville\tOR\tUS\t44.0\t-121.0\t\t\n", "expected 11 fields")]
    [TestCase("C\t99999\tTestville\tOR\tUS\t44.0\t-121.0\tAmerica/Los_Angeles\t0\t\t\n", "missing name or code")]
    public void Load_BadRow_FailsWithTheLine(string row, string problem)
    {
        var error = Assert.Throws<InvalidDataException>(() => Load(Header + row));

        Assert.That(error!.Message, Does.Contain("line 3").And.Contain(problem));
    }

    [Test]
    public void Load_WrongFormat_Fails()
    {
        Assert.Throws<InvalidDataException>(() => Load("# something-else/2\n"));
    }

    private static Gazetteer Load(string tsv)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(tsv));
        }
        buffer.Position = 0;
        return Gazetteer.Load(buffer);
    }
}
