using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Handoff.Api.Meetings;
using NodaTime;

namespace Handoff.Api.Tests.Time;

/// <summary>
/// Every party time in an answer carries its phrases, so the pane shows the server's words ("7:00 AM Pacific",
/// "Thu, Dec 3", "next day") instead of re-parsing local date strings.
/// </summary>
public class TimePhrasesTests
{
    private HandoffApiFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void SetUp()
    {
        _factory = new HandoffApiFactory();
        _client = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public void TearDown()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Test]
    public void Days_AreWrittenAsTheirPatternsWouldForACentury()
    {
        // TimePhrases writes the days from the culture's names (for speed); the patterns define the text.
        for (var date = new LocalDate(2000, 1, 1); date < new LocalDate(2100, 1, 1); date = date.PlusDays(1))
        {
            var p = TimePhrases.Of(date.At(new LocalTime(9, 0)), date.At(new LocalTime(10, 0)), "Pacific Time", null);
            Assert.That((p.Day, p.LongDay), Is.EqualTo((TimePhrases.ShortDay.Format(date), TimePhrases.FullDay.Format(date))), date.ToString());
        }
    }

    [Test]
    public void Phrases_SayTheWallClockAsPeopleDo()
    {
        var thursday = new LocalDate(2026, 12, 3);
        var p = TimePhrases.Of(thursday.At(new LocalTime(7, 0)), thursday.At(new LocalTime(8, 0)), "Pacific Time", thursday);
        Assert.That(p, Is.EqualTo(new TimePhrases("7:00 AM", "8:00 AM", "7:00–8:00 AM", "Thu, Dec 3", "Thursday, December 3", "Pacific", "7:00 AM Pacific", null)));

        var late = TimePhrases.Of(thursday.At(new LocalTime(23, 30)), thursday.PlusDays(1).At(new LocalTime(0, 30)), "Berlin time", thursday.PlusDays(1));
        Assert.That((late.Range, late.Zone, late.Said, late.DayShift), Is.EqualTo(("11:30 PM Thursday – 12:30 AM Friday", "Berlin", "11:30 PM Berlin", "day before")));
        Assert.That(TimePhrases.Of(thursday.At(new LocalTime(11, 30)), thursday.At(new LocalTime(12, 30)), "Central European Time (Amsterdam)", thursday.PlusDays(-1)),
            Has.Property("Range").EqualTo("11:30 AM–12:30 PM").And.Property("Zone").EqualTo("Central European Time (Amsterdam)").And.Property("DayShift").EqualTo("next day"));
    }

    private async Task<JsonNode> PostAsync(string path, string prospectZone)
    {
        using var response = await _client.PostAsJsonAsync(path, new
        {
            start = "2026-12-03T15:00:00Z", end = "2026-12-03T16:00:00Z", organizerTimeZone = "Eastern Standard Time",
            attendees = new[] { "rsm.west@example.com", "cfo@acme-metals.example" }, location = "Acme Metals, Fresno, CA 93706", prospectTimeZone = prospectZone,
        });
        Assert.That(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static JsonNode Phrases(JsonNode times, string party) => times.AsArray().First(t => t!["party"]!.GetValue<string>() == party)!["phrases"]!;

    [Test]
    public async Task Check_GivesEveryPartysTimeInWords()
    {
        var times = (await PostAsync("/api/v1/meetings/check", "America/Los_Angeles"))["times"]!;

        var mine = Phrases(times, "organizer");
        var prospect = Phrases(times, "prospect");
        Assert.Multiple(() =>
        {
            Assert.That(mine["said"]!.GetValue<string>(), Is.EqualTo("10:00 AM Eastern"));
            Assert.That(prospect["said"]!.GetValue<string>(), Is.EqualTo("7:00 AM Pacific"));
            Assert.That(prospect["end"]!.GetValue<string>(), Is.EqualTo("8:00 AM"));
            Assert.That(prospect["range"]!.GetValue<string>(), Is.EqualTo("7:00–8:00 AM"));
            Assert.That(prospect["day"]!.GetValue<string>(), Is.EqualTo("Thu, Dec 3"));
            Assert.That(prospect["longDay"]!.GetValue<string>(), Is.EqualTo("Thursday, December 3"));
            Assert.That(prospect["dayShift"], Is.Null, "same day as the organizer: left out");
        });
    }

    [Test]
    public async Task Check_SaysWhenAPartyIsOnAnotherDay()
    {
        var prospect = Phrases((await PostAsync("/api/v1/meetings/check", "Asia/Tokyo"))["times"]!, "prospect");

        Assert.That((prospect["said"]!.GetValue<string>(), prospect["day"]!.GetValue<string>(), prospect["dayShift"]!.GetValue<string>()),
            Is.EqualTo(("12:00 AM Japan Time (Tokyo)", "Fri, Dec 4", "next day")));
    }

    [Test]
    public async Task Suggestions_CarryPhrasesForEachTime()
    {
        var suggestions = (await PostAsync("/api/v1/meetings/suggestions", "America/Los_Angeles"))["suggestions"]!.AsArray();

        Assert.That(suggestions, Is.Not.Empty);
        foreach (var s in suggestions)
        {
            var mine = Phrases(s!["times"]!, "organizer");
            Assert.That(mine["said"]!.GetValue<string>(), Does.EndWith(" Eastern"));
            Assert.That(mine["day"]!.GetValue<string>(), Does.Match(@"^(Mon|Tue|Wed|Thu|Fri), (Nov|Dec) \d{1,2}$"));
        }
    }
}
