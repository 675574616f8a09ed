using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Handoff.Api.Tests.PlaceAware;

/// <summary>
/// The demo: Dana Ruiz (rsm.west) has a plant visit in Fresno on Thursdays 7:30–9:30 AM Pacific and a Teams call
/// 11–12; next Thursday is 2026-11-26 (see <see cref="PlaceAwareApi"/>).
/// </summary>
public class SuggestionsApiTests
{
    private const string Sacramento = "Valley Scrap Metals, 1200 Richards Blvd, Sacramento, CA 95811";

    private PlaceAwareApi _factory = null!;
    private HttpClient _client = null!;

    [SetUp]
    public async Task Start()
    {
        _factory = await PlaceAwareApi.StartAsync();
        _client = _factory.Client;
    }

    [TearDown]
    public async Task Stop() => await _factory.DisposeAsync();

    private static object Draft(string start, string end, string? location = Sacramento, string[]? attendees = null, object? extra = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["start"] = start,
            ["end"] = end,
            ["organizerTimeZone"] = "America/New_York",
            ["organizerEmail"] = "sdr@example.com",
            ["attendees"] = attendees ?? ["rsm.west@example.com", "cfo@valleyscrap.example"],
            ["location"] = location,
        };
        foreach (var p in extra?.GetType().GetProperties() ?? [])
        {
            body[p.Name] = p.GetValue(extra);
        }
        return body;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, object body)
    {
        using var response = await _client.PostAsJsonAsync(path, body);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Test]
    public async Task InPersonSacramentoAt10AfterTheFresnoPlantVisit_IsBlockedWithTheNeededTime_AndOffersThreeFeasibleTimes()
    {
        var (status, body) = await PostAsync("/api/v1/meetings/check", Draft("2026-11-26T18:00:00Z", "2026-11-26T19:00:00Z"));

        var travel = body.GetProperty("warnings").EnumerateArray().Single(w => w.GetProperty("code").GetString() == "TRAVEL_TIME_BEFORE");
        var suggestions = body.GetProperty("suggestions").EnumerateArray().ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body.GetProperty("verdict").GetString(), Is.EqualTo("blocked"));
            Assert.That(travel.GetProperty("severity").GetString(), Is.EqualTo("blocker"));
            Assert.That(travel.GetProperty("message").GetString(), Does.StartWith("Dana Ruiz needs ~").And.Contain("to get from Fresno to Sacramento after “Plant visit” that ends 9:30 AM Pacific Time, but has 30 min."));
            Assert.That(body.GetProperty("prospect").GetProperty("source").GetString(), Is.EqualTo("location"));
            Assert.That(body.GetProperty("prospect").GetProperty("detail").GetString(), Is.EqualTo($"inferred from '{Sacramento}'"));
            Assert.That(suggestions, Has.Length.EqualTo(3));
            Assert.That(_factory.Calendars.Reads, Is.EqualTo(1), "one read serves the check and its suggestions");
        });

        // Each suggested time, checked as it stands, is no longer blocked.
        foreach (var suggestion in suggestions)
        {
            var (_, check) = await PostAsync("/api/v1/meetings/check", Draft(suggestion.GetProperty("start").GetString()!, suggestion.GetProperty("end").GetString()!,
                attendees: [suggestion.GetProperty("rsm").GetProperty("email").GetString()!, "cfo@valleyscrap.example"]));
            Assert.That(check.GetProperty("verdict").GetString(), Is.Not.EqualTo("blocked"), suggestion.GetProperty("start").GetString());
        }
    }

    [Test]
    public async Task ACheckThatIsNotBlocked_CarriesNoSuggestions()
    {
        var (_, body) = await PostAsync("/api/v1/meetings/check", Draft("2026-11-26T21:00:00Z", "2026-11-26T22:00:00Z"));

        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("verdict").GetString(), Is.Not.EqualTo("blocked"));
            Assert.That(body.TryGetProperty("suggestions", out _), Is.False);
            Assert.That(_factory.Calendars.Reads, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Suggestions_AreRankedSlotsWithTimesAndReasons_FromOneCalendarRead()
    {
        var (status, body) = await PostAsync("/api/v1/meetings/suggestions", Draft("2026-11-26T18:00:00Z", "2026-11-26T19:00:00Z",
            extra: new { vertical = "metals-recycling", businessDays = 5, maxResults = 8 }));

        var suggestions = body.GetProperty("suggestions").EnumerateArray().ToArray();
        var first = suggestions[0];
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(suggestions, Has.Length.EqualTo(8));
            Assert.That(_factory.Calendars.Reads, Is.EqualTo(1));
            Assert.That(first.GetProperty("start").GetString(), Does.EndWith("Z"));
            Assert.That(first.GetProperty("rsm").GetProperty("email").GetString(), Is.EqualTo("rsm.west@example.com"));
            Assert.That(first.GetProperty("isAlternativeRsm").GetBoolean(), Is.False);
            Assert.That(first.GetProperty("times").EnumerateArray().Select(t => t.GetProperty("party").GetString()), Is.EqualTo(new[] { "organizer", "prospect", "rsm" }));
            Assert.That(first.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()), Does.Contain("PROSPECT_BUSINESS_HOURS").And.Contain("RSM_AVAILABLE"));
            Assert.That(suggestions.Any(s => s.GetProperty("isAlternativeRsm").GetBoolean() && s.GetProperty("rsm").GetProperty("name").GetString() == "Alex Kim"),
                Is.True, "the other metals-recycling specialist is offered too");
            Assert.That(suggestions.Select(s => s.GetProperty("start").GetString()), Is.Unique);
        });
    }

    [Test]
    public async Task NoRsmOnTheInvite_SearchesTheTerritoryOwner()
    {
        var (_, body) = await PostAsync("/api/v1/meetings/suggestions", Draft("2026-11-26T18:00:00Z", "2026-11-26T18:30:00Z", location: "Fresno, CA 93706",
            attendees: ["cfo@acme.example"], extra: new { includeAlternatives = false, maxResults = 3 }));

        // The territory (San Joaquin Valley) is searched: its owner first, then its other members; nobody from outside it.
        var rsms = body.GetProperty("suggestions").EnumerateArray().Select(s => s.GetProperty("rsm").GetProperty("name").GetString()).ToArray();
        Assert.That(rsms, Is.Not.Empty);
        Assert.That(rsms[0], Is.EqualTo("Dana Ruiz"));
        Assert.That(rsms.Distinct(), Is.SubsetOf(new[] { "Dana Ruiz", "Alex Kim" }));
    }

    [Test]
    public async Task BadWindow_IsAProblemNamingEachField()
    {
        var (status, body) = await PostAsync("/api/v1/meetings/suggestions", Draft("2026-11-26T18:00:00Z", "2026-11-26T19:00:00Z",
            extra: new { windowStart = "2026-02-30", businessDays = 21, maxResults = 0 }));

        var errors = body.GetProperty("errors");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(errors.GetProperty("windowStart")[0].GetString(), Is.EqualTo("'2026-02-30' is not an ISO date such as 2026-12-03."));
            Assert.That(errors.GetProperty("businessDays")[0].GetString(), Does.Contain("between 1 and 20"));
            Assert.That(errors.GetProperty("maxResults")[0].GetString(), Does.Contain("between 1 and 50"));
        });
    }

    [TestCase("2026-11-20", "must be today or later")]
    [TestCase("2028-01-03", "within a year")]
    public async Task WindowStartOutOfRange_IsAProblem(string windowStart, string expected)
    {
        var (status, body) = await PostAsync("/api/v1/meetings/suggestions", Draft("2026-11-26T18:00:00Z", "2026-11-26T19:00:00Z", extra: new { windowStart }));

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body.GetProperty("errors").GetProperty("windowStart")[0].GetString(), Does.Contain(expected));
        });
    }

    [Test]
    public async Task CheckFieldsAreValidatedToo()
    {
        var (status, body) = await PostAsync("/api/v1/meetings/suggestions", new { start = "soon", organizerTimeZone = "Mars/Base", attendees = new[] { "not-an-email" } });

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body.GetProperty("errors").EnumerateObject().Select(p => p.Name), Is.SupersetOf(new[] { "start", "end", "organizerTimeZone", "attendees[0]" }));
        });
    }

    [Test]
    public async Task WrongJsonType_NamesTheField()
    {
        var (status, body) = await PostAsync("/api/v1/meetings/suggestions", new { start = "2026-11-26T18:00:00Z", end = "2026-11-26T19:00:00Z", organizerTimeZone = "UTC", attendees = Array.Empty<string>(), businessDays = "ten" });

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body.GetProperty("errors").TryGetProperty("businessDays", out _), Is.True);
        });
    }
}
