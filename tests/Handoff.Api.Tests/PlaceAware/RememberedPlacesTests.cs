using Handoff.Api.Places;
using Handoff.Places;
using Handoff.Scheduling.Places;

namespace Handoff.Api.Tests.PlaceAware;

/// <summary>
/// Remembering the gazetteer's answers per text never changes an answer: a name several places share is still
/// ranked by each check's own hints, whichever check asked first.
/// </summary>
public class RememberedPlacesTests
{
    private static readonly GazetteerPlaceResolver Gazetteer = new();

    private static readonly string[] Texts =
    [
        "Acme Metals, 2200 E Jensen Ave, Fresno, CA 93706", "93706", "Fresno, CA", "Sacramento", "  Chicago, IL  ",
        "Acme Ltd, 1 Poultry, London EC2R 8EJ, United Kingdom", "London", "Paris", "Springfield", "Portland", "Perth",
        "Cambridge", "Santiago", "Kansas City", "Clovis 93706", "123 Main St, Springfield", "Microsoft Teams Meeting",
        "https://teams.microsoft.com/l/meetup-join/abc; Fresno, CA", "36.74, -119.78", "Room 4B", "Spain", "",
    ];

    private static readonly PlaceHints[] Hints =
    [
        PlaceHints.None,
        new(EmailCountries.Of(["buyer@acme.co.uk"]), [], []),
        new(EmailCountries.Of(["buyer@acme.ca"]), [], []),
        new(EmailCountries.Of(["ops@acme.com.au"]), [], []),
        new([], [new Place("home", new GeoPoint(0, 0), "America/Chicago", "US", "IL")], ["America/Chicago"]),
        new([], [new Place("home", new GeoPoint(0, 0), "America/New_York", "US", "MA")], ["America/New_York"]),
        new([], [new Place("home", new GeoPoint(0, 0), "America/Toronto", "CA", "ON")], ["America/Toronto"]),
    ];

    [TestCase(false)]
    [TestCase(true)]
    public void EveryAnswer_IsTheGazetteersForThoseHints_WhicheverHintsCameFirst(bool reversed)
    {
        using var remembered = new RememberedPlaces(Gazetteer);
        var order = reversed ? Hints.Reverse().ToArray() : Hints;

        for (var round = 0; round < 2; round++)
        {
            foreach (var hints in order)
            {
                foreach (var text in Texts)
                {
                    Assert.That(Describe(remembered.Resolve(text, hints)), Is.EqualTo(Describe(Gazetteer.Resolve(text, hints))),
                        $"'{text}' with hints #{Array.IndexOf(Hints, hints)}");
                }
            }
        }
    }

    [Test]
    public void OnlyAnswersTheTextAloneDecides_AreKept()
    {
        using var remembered = new RememberedPlaces(Gazetteer);

        remembered.Resolve("Acme Metals, 2200 E Jensen Ave, Fresno, CA 93706");
        remembered.Resolve("Microsoft Teams Meeting");
        Assert.That(remembered.Count, Is.EqualTo(2));

        remembered.Resolve("London", Hints[1]);
        remembered.Resolve("Springfield", Hints[4]);
        Assert.That(remembered.Count, Is.EqualTo(2), "names read by the hints are ranked per check, not remembered");

        remembered.Resolve(new string('x', RememberedPlaces.LongestText + 1));
        Assert.That(remembered.Count, Is.EqualTo(2), "over-long texts are not kept");
    }

    [Test]
    public void TheSameTextTwice_IsTheSameAnswer()
    {
        using var remembered = new RememberedPlaces(Gazetteer);

        var first = remembered.Resolve("Acme Metals, 2200 E Jensen Ave, Fresno, CA 93706");
        var second = remembered.Resolve("Acme Metals, 2200 E Jensen Ave, Fresno, CA 93706", Hints[1]);

        Assert.That(second, Is.SameAs(first));
        Assert.That(first.Place!.ZoneId, Is.EqualTo("America/Los_Angeles"));
    }

    private static string Describe(LocationMatch m) =>
        $"{m.Kind}|{m.Text}|{m.Place}|{m.Ambiguous}|{string.Join(";", m.Alternatives.Select(a => a.ToString()))}";
}
