using System.Net;
using System.Text.Json.Nodes;
using Handoff.Api.Tests.Support;
using Handoff.Storage;

namespace Handoff.Api.Tests.Time;

/// <summary>
/// Zones far apart never give a 500: an RSM in Auckland (18–21 hours from US Pacific, past what NodaTime's Offset
/// may hold as a difference) checked and searched by SDRs in every US zone; bad text and out-of-range instants are
/// 400s naming the field.
/// </summary>
public sealed class WorldTimeApiTests() : ApiTest(DatabaseProvider.Sqlite)
{
    private static readonly string[] UsZones =
    [
        "Eastern Standard Time", "Central Standard Time", "Mountain Standard Time", "US Mountain Standard Time", "Pacific Standard Time",
        "Alaskan Standard Time", "Aleutian Standard Time", "Hawaiian Standard Time", "America/Indiana/Indianapolis", "America/Boise",
        "America/Detroit", "America/Kentucky/Louisville", "America/Puerto_Rico", "Pacific/Guam", "Pacific/Pago_Pago",
    ];

    private static IEnumerable<TestCaseData> Zones() => UsZones.Select(z => new TestCaseData(z).SetName($"Auckland RSM, SDR in {z}"));

    private Task CreateAucklandRsmAsync() => CreateAsync("rsms", new
    {
        email = "kiri.nz@example.com", displayName = "Kiri Tane", timeZone = "Pacific/Auckland",
        homeBase = new { text = "Auckland", latitude = -36.8485, longitude = 174.7633, country = "NZ" },
        verticals = new[] { "metals-recycling" },
    });

    [TestCaseSource(nameof(Zones))]
    public async Task AnRsmInAuckland_ChecksAndSuggestsForEveryUsZone(string sdrZone)
    {
        await CreateAucklandRsmAsync();
        var start = HandoffApp.Now + NodaTime.Duration.FromDays(3);
        var draft = new
        {
            start = Infrastructure.Instants.Format(start), end = Infrastructure.Instants.Format(start + NodaTime.Duration.FromHours(1)),
            organizerTimeZone = sdrZone, organizerEmail = "sdr@example.com",
            attendees = new[] { "kiri.nz@example.com", "gm@kiwi-metals.example" }, prospectTimeZone = "Pacific/Auckland",
        };
        var check = await (await Client.PostJsonAsync("/api/v1/meetings/check", draft)).JsonAsync(HttpStatusCode.OK);
        Assert.That(check["times"]!.AsArray().Select(t => t!["timeZone"]!.GetValue<string>()), Does.Contain("Pacific/Auckland"));
        Assert.That(check["warnings"]!.AsArray().Select(w => w!["code"]!.GetValue<string>()), Has.No.Member("CHECK_INCOMPLETE"));

        var search = await (await Client.PostJsonAsync("/api/v1/meetings/suggestions", new
        {
            draft.start, draft.end, draft.organizerTimeZone, draft.organizerEmail, attendees = new[] { "gm@kiwi-metals.example" },
            prospectTimeZone = "Pacific/Auckland", vertical = "metals-recycling", maxResults = 3,
        })).JsonAsync(HttpStatusCode.OK);
        var suggestions = search["suggestions"]!.AsArray();
        Assert.That(suggestions, Is.Not.Empty, search.ToJsonString());
        Assert.That(suggestions.Select(s => s!["rsm"]!["email"]!.GetValue<string>()), Is.All.EqualTo("kiri.nz@example.com"));
    }

    [TestCase("start", "9999-12-31T23:00:00Z")]
    [TestCase("start", "0001-01-01T00:00:00Z")]
    [TestCase("end", "2200-01-01T00:00:01Z")]
    public async Task InstantsOutsideTheAcceptedYears_Are400NamingTheField(string field, string value)
    {
        var body = new JsonObject
        {
            ["start"] = "2026-12-03T15:00:00Z", ["end"] = "2026-12-03T16:00:00Z", ["organizerTimeZone"] = "Line Islands Standard Time",
            ["attendees"] = new JsonArray(), ["prospectTimeZone"] = "Dateline Standard Time",
        };
        body[field] = value;
        var errors = await (await Client.PostJsonAsync("/api/v1/meetings/check", body)).ErrorsAsync();
        Assert.That(errors.Keys, Does.Contain(field));
        Assert.That(errors[field][0], Does.Contain("between 1900-01-01"));
    }

    [TestCase("2199-12-31T22:00:00Z", "2200-01-01T00:00:00Z")]
    [TestCase("1900-01-01T00:00:00Z", "1900-01-01T01:00:00Z")]
    public async Task TheEdgesOfTheAcceptedYears_AnswerForThePlusAndMinus14HourZones(string start, string end)
    {
        await CreateAucklandRsmAsync();
        var body = new { start, end, organizerTimeZone = "Pacific/Kiritimati", attendees = new[] { "kiri.nz@example.com", "x@prospect.example" }, prospectTimeZone = "Etc/GMT+12" };
        var check = await (await Client.PostJsonAsync("/api/v1/meetings/check", body)).JsonAsync(HttpStatusCode.OK);
        Assert.That(check["times"]!.AsArray(), Has.Count.EqualTo(3));
    }

    [TestCase("Fresno\uFFFE, CA")]
    [TestCase("Fresno\u0000")]
    [TestCase("Fresno\uFDD0 CA")]
    public async Task LocationsThatAreNotText_Are400(string location)
    {
        var body = new { start = "2026-12-03T15:00:00Z", end = "2026-12-03T16:00:00Z", organizerTimeZone = "Eastern Standard Time", attendees = Array.Empty<string>(), location };
        var errors = await (await Client.PostJsonAsync("/api/v1/meetings/check", body)).ErrorsAsync();
        Assert.That(errors.Keys, Does.Contain("location"));

        var owner = await Client.GetAsync($"/api/v1/territories/owner?location={Uri.EscapeDataString(location)}");
        var ownerErrors = await owner.ErrorsAsync();
        Assert.That(ownerErrors.Keys.Select(k => k.ToLowerInvariant()), Does.Contain("location"));
    }
}
