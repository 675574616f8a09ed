using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Suggestions;
using NodaTime;
using NodaTime.Testing;
using static Handoff.Scheduling.Tests.PlaceAware.Geo;

namespace Handoff.Scheduling.Tests.PlaceAware;

/// <summary>The held-rate grid as a pure input of the ranking: it moves slots only above its sample threshold, and says so.</summary>
public class HeldRateRankingTests
{
    private static readonly Instant Sunday = Utc("2026-04-12T12:00:00Z");

    private static MeetingRequest Online() =>
        new(new Interval(Sunday, Sunday + Duration.FromHours(1)), Pacific, ["dana@example.com", "cfo@acme.example"], "sdr@example.com",
            "Microsoft Teams Meeting", Pacific, null);

    /// <summary>Monday 11:00 Pacific: 24 held of 25; Monday 8:00: 8 of 20; Wednesday 14:00: 12 of 20.</summary>
    private static HeldRates Rates(int minSample) => new(
    [
        new HeldCell(IsoDayOfWeek.Monday, 11, 24, 1), new HeldCell(IsoDayOfWeek.Monday, 8, 8, 12), new HeldCell(IsoDayOfWeek.Wednesday, 14, 12, 8),
    ], minSample);

    private static async Task<SuggestionResult> SuggestAsync(HeldRates? rates)
    {
        var dana = Crew.Dana();
        var service = new SuggestionService(new StubDirectory(new OrgSnapshot([dana])), new StubCalendars(), new FakeClock(Sunday), new PlaceBook(),
            Crew.Estimator(), new CheckOptions());
        return await service.SuggestAsync(new SuggestionQuery(Online(), null, 3, 3, false, rates), CancellationToken.None);
    }

    [Test]
    public async Task Below_the_sample_threshold_the_ranking_is_unchanged()
    {
        var plain = await SuggestAsync(null);
        var thin = await SuggestAsync(Rates(minSample: 26));
        Assert.That(thin.Suggestions.Select(s => (s.Slot.Start, s.Score)), Is.EqualTo(plain.Suggestions.Select(s => (s.Slot.Start, s.Score))));
        Assert.That(thin.Suggestions.SelectMany(s => s.Reasons).Select(r => r.Code), Does.Not.Contain(ReasonCodes.HeldRate));
    }

    [Test]
    public async Task Above_it_better_held_hours_rank_higher_and_the_reason_says_so()
    {
        var plain = await SuggestAsync(null);
        var rated = await SuggestAsync(Rates(minSample: 20));
        var mondayEight = Local("2026-04-13T08:00", Pacific);
        Assert.That(plain.Suggestions[0].Slot.Start, Is.EqualTo(mondayEight), "without rates the earliest slot leads");
        var first = rated.Suggestions[0];
        Assert.That(first.Slot.Start, Is.EqualTo(Local("2026-04-13T11:00", Pacific)));
        // Overall 44 of 65 held (67.7 %); Monday 11:00 is 96 %: (0.96 − 0.6769) × 1440 = 408 minutes of bonus.
        Assert.That(first.Score, Is.EqualTo(660 - 408));
        var reason = first.Reasons.Single(r => r.Code == ReasonCodes.HeldRate);
        Assert.That(reason.Message, Is.EqualTo("Mondays at 11:00 AM (the prospect's time) are held 96% of the time (68% overall, 25 meetings)."));
        Assert.That(rated.Suggestions.Select(s => s.Slot.Start), Does.Not.Contain(mondayEight), "Monday 8:00, held 40 %, drops below");
        Assert.That(rated.Suggestions.Skip(1).SelectMany(s => s.Reasons).Select(r => r.Code), Does.Not.Contain(ReasonCodes.HeldRate), "only sampled cells above the overall rate say so");
    }
}
