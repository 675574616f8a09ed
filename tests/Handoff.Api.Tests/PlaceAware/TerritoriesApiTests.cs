using System.Net;
using System.Text.Json;

namespace Handoff.Api.Tests.PlaceAware;

public class TerritoriesApiTests
{
    private PlaceAwareApi _api = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _api = await PlaceAwareApi.StartAsync();
        _client = _api.Client;
    }

    [OneTimeTearDown]
    public async Task Stop() => await _api.DisposeAsync();

    private async Task<(HttpStatusCode Status, string? MediaType, JsonElement Body)> GetAsync(string query)
    {
        using var response = await _client.GetAsync($"/api/v1/territories/owner{query}");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }

    [Test]
    public async Task Zip93706_RoutesToDanaRuiz_ByZipPrefix()
    {
        var (status, _, body) = await GetAsync("?location=93706");

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body.GetProperty("owner").GetProperty("email").GetString(), Is.EqualTo("rsm.west@example.com"));
            Assert.That(body.GetProperty("owner").GetProperty("name").GetString(), Is.EqualTo("Dana Ruiz"));
            Assert.That(body.GetProperty("owner").GetProperty("timeZone").GetString(), Is.EqualTo("America/Los_Angeles"));
            Assert.That(body.GetProperty("territory").GetProperty("name").GetString(), Is.EqualTo("San Joaquin Valley"));
            Assert.That(body.GetProperty("timeZone").GetString(), Is.EqualTo("America/Los_Angeles"));
            Assert.That(body.GetProperty("resolvedBy").GetString(), Is.EqualTo("postalPrefix"));
            Assert.That(body.GetProperty("explanation").GetString(), Is.EqualTo("ZIP prefix 937 in territory San Joaquin Valley"));
            // The ZIP's centroid: in the Fresno area (ZIP areas reach well beyond the city centre).
            Assert.That(body.GetProperty("place").GetProperty("label").GetString(), Is.EqualTo("Fresno, CA 93706"));
            Assert.That(body.GetProperty("place").GetProperty("latitude").GetDouble(), Is.EqualTo(36.74).Within(0.3));
            Assert.That(body.GetProperty("place").GetProperty("longitude").GetDouble(), Is.EqualTo(-119.79).Within(0.3));
        });
    }

    [Test]
    public async Task RadiusTerritory_WinsOverTheState()
    {
        var (_, _, body) = await GetAsync("?location=Las%20Vegas,%20NV");

        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("owner").GetProperty("name").GetString(), Is.EqualTo("Alex Kim"));
            Assert.That(body.GetProperty("resolvedBy").GetString(), Is.EqualTo("radius"));
        });
    }

    [Test]
    public async Task Vertical_NamesTheSpecialist_WhenTheOwnerIsNotOne()
    {
        var (_, _, body) = await GetAsync("?location=Sacramento,%20CA&vertical=mining");

        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("owner").GetProperty("name").GetString(), Is.EqualTo("Dana Ruiz"));
            Assert.That(body.GetProperty("resolvedBy").GetString(), Is.EqualTo("region"));
            Assert.That(body.GetProperty("specialist").GetProperty("name").GetString(), Is.EqualTo("Alex Kim"));
        });
    }

    [Test]
    public async Task UnknownPlace_Is200WithANullOwnerAndAnExplanation()
    {
        var (status, _, body) = await GetAsync("?location=Nowhere%20Land%20Plaza");

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body.GetProperty("owner").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(body.GetProperty("territory").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(body.GetProperty("place").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(body.GetProperty("resolvedBy").GetString(), Is.EqualTo("none"));
            Assert.That(body.GetProperty("explanation").GetString(), Does.Contain("cannot place 'Nowhere Land Plaza'"));
        });
    }

    [Test]
    public async Task PlaceNoTerritoryCovers_HasNoOwner_ButItsPlaceAndZone()
    {
        var (status, _, body) = await GetAsync("?location=Toronto,%20ON");

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body.GetProperty("owner").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(body.GetProperty("territory").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(body.GetProperty("timeZone").GetString(), Is.EqualTo("America/Toronto"));
            Assert.That(body.GetProperty("place").GetProperty("label").GetString(), Does.StartWith("Toronto"));
            Assert.That(body.GetProperty("resolvedBy").GetString(), Is.EqualTo("none"));
            Assert.That(body.GetProperty("explanation").GetString(), Does.StartWith("No territory covers Toronto"));
        });
    }

    [Test]
    public async Task OnlineLocation_HasNoPlaceToRoute()
    {
        var (status, _, body) = await GetAsync("?location=Microsoft%20Teams%20Meeting");

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body.GetProperty("owner").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(body.GetProperty("explanation").GetString(), Does.Contain("online meeting"));
        });
    }

    [TestCase("")]
    [TestCase("?location=")]
    [TestCase("?location=%20%20&vertical=mining")]
    public async Task MissingLocation_IsAProblemNamingLocation(string query)
    {
        var (status, mediaType, body) = await GetAsync(query);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(mediaType, Is.EqualTo("application/problem+json"));
            Assert.That(body.GetProperty("errors").GetProperty("location")[0].GetString(), Does.StartWith("'location' is required"));
        });
    }
}
