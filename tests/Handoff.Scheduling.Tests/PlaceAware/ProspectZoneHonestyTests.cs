using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using NodaTime;
using NodaTime.Testing;
using static Handoff.Scheduling.Tests.PlaceAware.Geo;

namespace Handoff.Scheduling.Tests.PlaceAware;

/// <summary>
/// `ok` means verified: a prospect zone that is a guess (a territory default, an ambiguous place, an e-mail
/// domain) is a warning in the SDR's terms, and the verdict is never ok; a zone given or from a certain place is not.
/// </summary>
public class ProspectZoneHonestyTests
{
    private static readonly RsmProfile Dana = Crew.Dana();
    private static readonly Territory West = new(Guid.NewGuid(), "West", new TerritoryRules(Regions: ["US-CA"]), [new TerritoryAssignment(Dana.Email, 1)], DefaultProspectZone: Pacific);
    private static readonly DateTimeZone Berlin = Handoff.Scheduling.Time.TimeZoneIds.Resolve("Europe/Berlin");
    private static readonly Place LondonUk = new("London, United Kingdom", new GeoPoint(51.5085, -0.1257), "Europe/London", "GB", null, null, "London");
    private static readonly Place LondonOn = new("London, ON", new GeoPoint(42.9834, -81.233), "America/Toronto", "CA", "ON", null, "London");

    /// <summary>Knows Fresno for certain, "London" as two places (the UK first), and Germany; records the hints it was given.</summary>
    private sealed class WorldBook : IPlaceResolver
    {
        public List<PlaceHints> Hints { get; } = [];

        public LocationMatch Resolve(string? location) => Resolve(location, PlaceHints.None);

        public LocationMatch Resolve(string? location, PlaceHints hints)
        {
            Hints.Add(hints);
            return location switch
            {
                null or "" => LocationMatch.None,
                FresnoText => new LocationMatch(LocationKind.Place, location, Fresno),
                "London" => new LocationMatch(LocationKind.Place, location, LondonUk) { Ambiguous = true, Alternatives = [LondonOn] },
                _ => new LocationMatch(LocationKind.Unknown, location),
            };
        }

        public LocationMatch Country(string isoCode) => isoCode == "DE"
            ? new LocationMatch(LocationKind.Place, isoCode, new Place("Germany", new GeoPoint(52.52, 13.41), "Europe/Berlin", "DE"))
            : new LocationMatch(LocationKind.Unknown, isoCode);
    }

    private readonly WorldBook _book = new();

    private async Task<CheckResult> CheckAsync(string? location, string prospect = "cfo@acme.example", DateTimeZone? prospectZone = null,
        string localStart = "2026-04-16T11:00", bool withRsm = true)
    {
        var start = Local(localStart, Pacific);
        var org = new OrgSnapshot([Dana], [West], internalDomains: ["example.com"]);
        var service = new MeetingCheckService(new StubDirectory(org), new StubCalendars(), new FakeClock(Utc("2026-04-13T12:00:00Z")),
            new MeetingChecker(), new CheckOptions(), _book);
        var request = new MeetingRequest(new Interval(start, start + Duration.FromHours(1)), Eastern,
            withRsm ? [Dana.Email, prospect] : [prospect], "sdr@example.com", location, prospectZone);
        return await service.CheckAsync(request, CancellationToken.None);
    }

    [Test]
    public async Task TerritoryDefault_IsAWarningInTheSdrsTerms()
    {
        var result = await CheckAsync("Acme HQ, Building 4");

        var warning = result.Warnings.Single(w => w.Code == WarningCodes.ProspectTimeZoneAssumed);
        Assert.Multiple(() =>
        {
            Assert.That(warning.Severity, Is.EqualTo(Severity.Warning));
            Assert.That(warning.Message, Is.EqualTo("We assumed the prospect is on Pacific Time from Dana Ruiz's territory West: check where they are."));
            Assert.That(result.Draft.Prospect.Assumed, Is.True);
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Review));
        });
    }

    [Test]
    public async Task AmbiguousPlace_IsAWarningListingTheAlternatives()
    {
        var result = await CheckAsync("London");

        var warning = result.Warnings.Single(w => w.Code == WarningCodes.ProspectPlaceAmbiguous);
        Assert.Multiple(() =>
        {
            Assert.That(warning.Severity, Is.EqualTo(Severity.Warning));
            Assert.That(warning.Message, Does.StartWith("'London' could be more than one place: we assumed London, United Kingdom ("));
            Assert.That(warning.Message, Does.Contain("it could also be London, ON (").And.EndWith("Check where the prospect is."));
            Assert.That(result.Draft.Prospect.Alternatives, Is.EqualTo(new[] { LondonOn }));
            Assert.That(result.Draft.Prospect.Place, Is.EqualTo(LondonUk));
            Assert.That(result.Verdict, Is.Not.EqualTo(Verdict.Ok));
        });
    }

    [Test]
    public async Task TheResolverIsGivenTheEmailCountryAndTheRsmsPlacesAndZones()
    {
        await CheckAsync("London", prospect: "buyer@acme.co.uk");

        var hints = _book.Hints.First(h => h.EmailCountries.Count > 0);
        Assert.Multiple(() =>
        {
            Assert.That(hints.EmailCountries, Is.EqualTo(new[] { "GB" }));
            Assert.That(hints.RsmPlaces, Is.EqualTo(new[] { Fresno }));
            Assert.That(hints.Zones, Is.EqualTo(new[] { "America/Los_Angeles" }));
        });
    }

    [Test]
    public async Task EmailDomain_GivesAnAssumedZone_BeforeTheRsmsTerritory()
    {
        var result = await CheckAsync("Acme HQ, Building 4", prospect: "einkauf@firma.de");

        Assert.Multiple(() =>
        {
            Assert.That(result.Draft.Prospect.Zone, Is.EqualTo(Berlin));
            Assert.That(result.Draft.Prospect.Source, Is.EqualTo(ZoneSource.EmailDomain));
            Assert.That(result.Warnings.Single(w => w.Code == WarningCodes.ProspectTimeZoneAssumed).Message,
                Does.StartWith("We assumed the prospect is on ").And.Contain("from their e-mail address (@firma.de: Germany)"));
            Assert.That(result.Verdict, Is.Not.EqualTo(Verdict.Ok));
        });
    }

    [Test]
    public async Task ZoneGivenOrPlaceCertain_IsVerified()
    {
        var given = await CheckAsync("London", prospectZone: Pacific);
        var placed = await CheckAsync(FresnoText);

        Assert.Multiple(() =>
        {
            Assert.That(given.Verdict, Is.EqualTo(Verdict.Ok), string.Join(" | ", given.Warnings.Select(w => w.Message)));
            Assert.That(placed.Verdict, Is.EqualTo(Verdict.Ok), string.Join(" | ", placed.Warnings.Select(w => w.Message)));
            Assert.That(placed.Draft.Prospect.Assumed, Is.False);
        });
    }

    [Test]
    public async Task NoRsm_IsNeverOk()
    {
        var result = await CheckAsync(FresnoText, withRsm: false);

        Assert.That(result.Warnings.Single(w => w.Code == WarningCodes.NoRsmAttendee).Severity, Is.EqualTo(Severity.Warning));
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Review));
    }

    [Test]
    public async Task AGuessedZone_NeverGivesOk_OverRandomDrafts()
    {
        var random = new Random(20261204);
        string[] guesses = ["Acme HQ, Building 4", "London", "Their office", ""];
        string[] prospects = ["cfo@acme.example", "einkauf@firma.de", "buyer@acme.co.uk"];
        for (var i = 0; i < 200; i++)
        {
            var day = 16 + random.Next(0, 14);
            var local = $"2026-04-{day:00}T{random.Next(6, 18):00}:{random.Next(0, 4) * 15:00}";
            var result = await CheckAsync(guesses[random.Next(guesses.Length)], prospects[random.Next(prospects.Length)], localStart: local);

            Assert.That(result.Draft.Prospect.Assumed || result.Draft.Prospect.Zone is null, Is.True, local);
            Assert.That(result.Verdict, Is.Not.EqualTo(Verdict.Ok), $"{local}: {string.Join(" | ", result.Warnings.Select(w => w.Code))}");
        }
    }
}
