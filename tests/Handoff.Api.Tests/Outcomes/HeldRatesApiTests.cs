using System.Net;
using Handoff.Api.Outcomes.Reports;
using Handoff.Api.Tests.Support;
using Handoff.Storage;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Handoff.Api.Tests.Outcomes;

/// <summary>The suggestions endpoint ranks with the held rates built from stored outcomes (the wiring, end to end).</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class HeldRatesApiTests(DatabaseProvider provider) : ApiTest(provider)
{
    [Test]
    public async Task Suggestions_say_when_the_prospects_hour_is_held_more_often()
    {
        await CreateAsync("rsms", Samples.Rsm());
        var pacific = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];
        await using (var db = Db.OpenContext())
        {
            // 25 Monday 10 AM meetings, all held; 20 Tuesday 8 AM meetings, 5 held (Pacific, the prospect's zone).
            var monday = new LocalDate(2026, 11, 30);
            for (var i = 0; i < 45; i++)
            {
                var local = i < 25 ? monday.PlusWeeks(-(i % 10)).At(new LocalTime(10, 0)) : new LocalDate(2026, 11, 24).PlusWeeks(-(i % 10)).At(new LocalTime(8, 0));
                var start = local.InZoneLeniently(pacific).ToInstant();
                var h = new HandoffEntity
                {
                    Id = Guid.NewGuid(), Key = $"held-rate-{i:00}", SdrKey = "sdr@example.com", RsmKeys = "|jo.field@example.com|", ProspectZone = pacific.Id,
                    Start = start, End = start + Duration.FromHours(1), ContentHash = "x", Version = 1, CreatedAt = start, UpdatedAt = start,
                };
                db.Handoffs.Add(h);
                db.HandoffOutcomes.Add(new HandoffOutcomeEntity
                {
                    Id = Guid.NewGuid(), HandoffId = h.Id, HandoffKey = h.Key, Kind = i < 25 || i < 30 ? OutcomeKind.Held : OutcomeKind.NoShow,
                    RecordedBy = "test", RecordedAt = h.End, Version = 1, CreatedAt = h.End, UpdatedAt = h.End,
                });
            }
            await db.SaveChangesAsync();
        }
        App.Services.GetRequiredService<StoreHeldRates>().Invalidate();

        var body = new Dictionary<string, object?>
        {
            ["start"] = "2026-12-04T22:00:00Z", ["end"] = "2026-12-04T23:00:00Z", ["organizerTimeZone"] = "Eastern Standard Time",
            ["organizerEmail"] = "sdr@example.com", ["attendees"] = new[] { "jo.field@example.com", "cfo@acme-metals.example" },
            ["location"] = "Microsoft Teams Meeting", ["prospectTimeZone"] = "America/Los_Angeles", ["businessDays"] = 5, ["maxResults"] = 10,
        };
        var result = await (await Client.PostJsonAsync("/api/v1/meetings/suggestions", body)).JsonAsync(HttpStatusCode.OK);
        var reasons = result["suggestions"]!.AsArray().SelectMany(s => s!["reasons"]!.AsArray())
            .Where(r => r!["code"]!.GetValue<string>() == "HELD_RATE").Select(r => r!["message"]!.GetValue<string>()).ToArray();
        var mondaySlot = result["suggestions"]!.AsArray().Single(x => x!["start"]!.GetValue<string>() == "2026-12-07T18:00:00Z")!;
        Assert.That(mondaySlot["reasons"]!.AsArray().Select(r => r!["code"]!.GetValue<string>()), Does.Contain("HELD_RATE"), "Monday 10 AM, held every time");
        Assert.That(reasons, Does.Contain("Mondays at 10:00 AM (the prospect's time) are held 100% of the time (67% overall, 25 meetings)."));
    }

    [Test]
    public async Task A_verticals_own_hours_rank_its_prospects_and_the_reason_names_it()
    {
        await CreateAsync("rsms", Samples.Rsm());
        var pacific = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];
        await using (var db = Db.OpenContext())
        {
            // metals-recycling: Monday 10 AM held 25 of 25, Tuesday 8 AM 5 of 20. food-processing: Monday 10 AM, 20 no-shows.
            (LocalDate Day, int Hour, bool Held, string Vertical)[] meetings =
            [
                .. Enumerable.Range(0, 25).Select(i => (new LocalDate(2026, 11, 30).PlusWeeks(-(i % 10)), 10, true, "metals-recycling")),
                .. Enumerable.Range(0, 20).Select(i => (new LocalDate(2026, 11, 24).PlusWeeks(-(i % 10)), 8, i < 5, "metals-recycling")),
                .. Enumerable.Range(0, 20).Select(i => (new LocalDate(2026, 11, 30).PlusWeeks(-(i % 10)), 10, false, "food-processing")),
            ];
            for (var i = 0; i < meetings.Length; i++)
            {
                var start = meetings[i].Day.At(new LocalTime(meetings[i].Hour, 0)).InZoneLeniently(pacific).ToInstant();
                var h = new HandoffEntity
                {
                    Id = Guid.NewGuid(), Key = $"vertical-rate-{i:00}", SdrKey = "sdr@example.com", RsmKeys = "|jo.field@example.com|", ProspectZone = pacific.Id,
                    Vertical = meetings[i].Vertical, Start = start, End = start + Duration.FromHours(1), ContentHash = "x", Version = 1, CreatedAt = start, UpdatedAt = start,
                };
                db.Handoffs.Add(h);
                db.HandoffOutcomes.Add(new HandoffOutcomeEntity
                {
                    Id = Guid.NewGuid(), HandoffId = h.Id, HandoffKey = h.Key, Kind = meetings[i].Held ? OutcomeKind.Held : OutcomeKind.NoShow,
                    RecordedBy = "test", RecordedAt = h.End, Version = 1, CreatedAt = h.End, UpdatedAt = h.End,
                });
            }
            await db.SaveChangesAsync();
        }
        App.Services.GetRequiredService<StoreHeldRates>().Invalidate();

        async Task<string[]> HeldReasons(string vertical)
        {
            var body = new Dictionary<string, object?>
            {
                ["start"] = "2026-12-04T22:00:00Z", ["end"] = "2026-12-04T23:00:00Z", ["organizerTimeZone"] = "Eastern Standard Time",
                ["organizerEmail"] = "sdr@example.com", ["attendees"] = new[] { "jo.field@example.com", "cfo@acme-metals.example" },
                ["location"] = "Microsoft Teams Meeting", ["prospectTimeZone"] = "America/Los_Angeles", ["businessDays"] = 5, ["maxResults"] = 10,
                ["vertical"] = vertical,
            };
            var result = await (await Client.PostJsonAsync("/api/v1/meetings/suggestions", body)).JsonAsync(HttpStatusCode.OK);
            return result["suggestions"]!.AsArray().SelectMany(s => s!["reasons"]!.AsArray())
                .Where(r => r!["code"]!.GetValue<string>() == "HELD_RATE").Select(r => r!["message"]!.GetValue<string>()).ToArray();
        }
        Assert.That(await HeldReasons("metals-recycling"), Does.Contain(
            "Mondays at 10:00 AM (the prospect's time) are held 100% of the time for metals-recycling leads (67% for metals-recycling leads overall, 25 meetings)."));
        Assert.That(await HeldReasons("food-processing"), Has.None.Contains("Mondays"), "food-processing's Mondays are no-shows: no praise, whatever metals did");
    }
}
