using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Handoff.Api.Tests.PlaceAware;

/// <summary>
/// The check over the real gazetteer: places worldwide, ambiguity said with one-click alternatives, and a guessed
/// prospect zone never `ok` (Thursday 2026-12-03, 10:00 AM in New York, the demo org).
/// </summary>
public class ProspectZoneApiTests
{
    private HandoffApiFactory _factory = null!;
    private HttpClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _factory = new HandoffApiFactory();
        _client = _factory.CreateClient();
    }

    [TearDown]
    public void TearDown()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private async Task<JsonNode> Check(string? location, string prospect = "buyer@acme.example", string rsm = "rsm.east@example.com",
        string? prospectTimeZone = null)
    {
        var attendees = rsm.Length == 0 ? new[] { prospect } : [rsm, prospect];
        using var response = await _client.PostAsJsonAsync("/api/v1/meetings/check", new
        {
            start = "2026-12-03T15:00:00Z", end = "2026-12-03T16:00:00Z", organizerTimeZone = "Eastern Standard Time",
            organizerEmail = "sdr@example.com", attendees, location, prospectTimeZone,
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static string[] Codes(JsonNode json) => json["warnings"]!.AsArray().Select(w => w!["code"]!.GetValue<string>()).ToArray();

    private static JsonNode Warning(JsonNode json, string code) => json["warnings"]!.AsArray().Single(w => w!["code"]!.GetValue<string>() == code)!;

    [Test]
    public async Task PastedLondonAddress_IsLondonTime_Verified()
    {
        var json = await Check("Acme Ltd, 1 Poultry, London EC2R 8EJ, United Kingdom");

        var prospect = json["prospect"]!;
        var time = json["times"]!.AsArray().Single(t => t!["party"]!.GetValue<string>() == "prospect")!;
        Assert.Multiple(() =>
        {
            Assert.That(prospect["timeZone"]!.GetValue<string>(), Is.EqualTo("Europe/London"));
            Assert.That(prospect["source"]!.GetValue<string>(), Is.EqualTo("location"));
            Assert.That(prospect["assumed"]!.GetValue<bool>(), Is.False);
            Assert.That(prospect["place"]!.GetValue<string>(), Is.EqualTo("London EC2R 8EJ, United Kingdom"));
            Assert.That(time["localStart"]!.GetValue<string>(), Is.EqualTo("2026-12-03T15:00:00"), "10:00 AM in New York is 3:00 PM in London");
            Assert.That(Codes(json), Has.None.StartsWith("PROSPECT_TIME_ZONE").And.None.EqualTo("PROSPECT_PLACE_AMBIGUOUS"));
        });
    }

    [Test]
    public async Task London_IsAmbiguous_WithOntarioAsAOneClickAlternative()
    {
        var json = await Check("London");

        var prospect = json["prospect"]!;
        var alternative = prospect["alternatives"]!.AsArray().Single(a => a!["label"]!.GetValue<string>() == "London, ON")!;
        Assert.Multiple(() =>
        {
            Assert.That(json["verdict"]!.GetValue<string>(), Is.Not.EqualTo("ok"));
            Assert.That(Warning(json, "PROSPECT_PLACE_AMBIGUOUS")["severity"]!.GetValue<string>(), Is.EqualTo("warning"));
            Assert.That(prospect["assumed"]!.GetValue<bool>(), Is.True);
            Assert.That(prospect["place"]!.GetValue<string>(), Is.EqualTo("London, United Kingdom"));
            Assert.That(prospect["timeZone"]!.GetValue<string>(), Is.EqualTo("Europe/London"));
            Assert.That(alternative["timeZone"]!.GetValue<string>(), Is.EqualTo("America/Toronto"));
            Assert.That(alternative["timeZoneName"]!.GetValue<string>(), Is.Not.Empty);
        });
    }

    [TestCase("buyer@acme.co.uk", "Europe/London")]
    [TestCase("buyer@acme.ca", "America/Toronto")]
    public async Task London_EmailCountryChangesThePick(string email, string zone)
    {
        var json = await Check("London", prospect: email);

        Assert.That(json["prospect"]!["timeZone"]!.GetValue<string>(), Is.EqualTo(zone));
        Assert.That(Codes(json), Does.Contain("PROSPECT_PLACE_AMBIGUOUS"));
    }

    [TestCase("rsm.east@example.com", "Springfield, MA")]
    [TestCase("rsm.central@example.com", "Springfield, IL")]
    public async Task Springfield_TheInvitedRsmsRegionChangesThePick(string rsm, string label)
    {
        var json = await Check("Springfield", rsm: rsm);

        Assert.That(json["prospect"]!["place"]!.GetValue<string>(), Is.EqualTo(label));
        Assert.That(json["verdict"]!.GetValue<string>(), Is.Not.EqualTo("ok"));
    }

    [Test]
    public async Task TerritoryDefault_IsAWarningThatNamesTheTerritory()
    {
        var json = await Check("Their office");

        Assert.Multiple(() =>
        {
            Assert.That(json["prospect"]!["assumed"]!.GetValue<bool>(), Is.True);
            Assert.That(Warning(json, "PROSPECT_TIME_ZONE_ASSUMED")["message"]!.GetValue<string>(),
                Is.EqualTo("We assumed the prospect is on Eastern Time from Priya Shah's territory East: check where they are."));
            Assert.That(json["verdict"]!.GetValue<string>(), Is.Not.EqualTo("ok"));
        });
    }

    [Test]
    public async Task ConfirmedZone_CountsAsGiven()
    {
        var json = await Check("London", prospectTimeZone: "America/Toronto");

        Assert.That(json["prospect"]!["assumed"]!.GetValue<bool>(), Is.False);
        Assert.That(json["prospect"]!["source"]!.GetValue<string>(), Is.EqualTo("request"));
        Assert.That(Codes(json), Has.None.EqualTo("PROSPECT_PLACE_AMBIGUOUS").And.None.EqualTo("PROSPECT_TIME_ZONE_ASSUMED"));
    }

    [Test]
    public async Task EmailDomainOnly_IsAnAssumedZone()
    {
        var json = await Check(null, prospect: "einkauf@firma.de");

        Assert.Multiple(() =>
        {
            Assert.That(json["prospect"]!["timeZone"]!.GetValue<string>(), Is.EqualTo("Europe/Berlin"));
            Assert.That(json["prospect"]!["source"]!.GetValue<string>(), Is.EqualTo("emailDomain"));
            Assert.That(Codes(json), Does.Contain("PROSPECT_TIME_ZONE_ASSUMED"));
            Assert.That(json["verdict"]!.GetValue<string>(), Is.Not.EqualTo("ok"));
        });
    }

    [Test]
    public async Task NoRsm_IsNotOk()
    {
        var json = await Check("Acme Ltd, 1 Poultry, London EC2R 8EJ, United Kingdom", rsm: "");

        Assert.That(Warning(json, "NO_RSM_ATTENDEE")["severity"]!.GetValue<string>(), Is.EqualTo("warning"));
        Assert.That(json["verdict"]!.GetValue<string>(), Is.Not.EqualTo("ok"));
    }
}
