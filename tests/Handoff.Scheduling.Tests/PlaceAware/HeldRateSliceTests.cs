using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Suggestions;
using NodaTime;
using NodaTime.Testing;
using static Handoff.Scheduling.Tests.PlaceAware.Geo;

namespace Handoff.Scheduling.Tests.PlaceAware;

/// <summary>Held-rate grids per vertical and region: the narrowest sampled cell rates a slot (vertical → region → org), never one below the threshold.</summary>
public class HeldRateSliceTests
{
    private static readonly Instant Sunday = Utc("2026-04-12T12:00:00Z");
    private static readonly LocalDate Monday = new(2026, 4, 13);

    /// <summary><paramref name="held"/> held and <paramref name="noShows"/> no-show meetings at that weekday and hour of the prospect's day.</summary>
    private static IEnumerable<(LocalDateTime, bool, string?, string?)> At(IsoDayOfWeek day, int hour, int held, int noShows, string? vertical, string? region) =>
        Enumerable.Range(0, held + noShows).Select(i =>
            (Monday.PlusDays((int)day - 1).PlusWeeks(-i).At(new LocalTime(hour, 0)), i < held, vertical, region));

    private static HeldRateSlices Slices(int minSample) => HeldRateSlices.From(
    [
        // metals-recycling: Monday 11:00 held 24 of 25, Thursday 15:00 5 of 20; Tuesday 9:00 only 3 decided. Overall 31 of 48.
        .. At(IsoDayOfWeek.Monday, 11, 24, 1, "metals-recycling", null), .. At(IsoDayOfWeek.Tuesday, 9, 2, 1, "metals-recycling", "West"),
        .. At(IsoDayOfWeek.Thursday, 15, 5, 15, "metals-recycling", null),
        // West: Tuesday 9:00 held 18 of 20 more; Wednesday 14:00 only 4.
        .. At(IsoDayOfWeek.Tuesday, 9, 18, 2, null, "West"), .. At(IsoDayOfWeek.Wednesday, 14, 2, 2, "food-processing", "West"),
        // Everyone else: Wednesday 14:00 held 10 of 20; Monday 8:00 held 8 of 20.
        .. At(IsoDayOfWeek.Wednesday, 14, 8, 12, null, null), .. At(IsoDayOfWeek.Monday, 8, 8, 12, null, null),
    ], minSample);

    private static LocalDateTime On(IsoDayOfWeek day, int hour) => Monday.PlusDays((int)day - 1).At(new LocalTime(hour, 0));

    [Test]
    public void Each_cell_is_rated_by_its_vertical_else_its_region_else_the_org()
    {
        var chain = Slices(minSample: 20).For("Metals-Recycling", "west");
        Assert.Multiple(() =>
        {
            Assert.That(chain.Rated(On(IsoDayOfWeek.Monday, 11))?.Rates.Slice, Is.EqualTo(new HeldSlice(HeldSliceKind.Vertical, "metals-recycling")));
            Assert.That(chain.Rated(On(IsoDayOfWeek.Tuesday, 9))?.Rates.Slice, Is.EqualTo(new HeldSlice(HeldSliceKind.Region, "West")),
                "3 metals meetings: below the sample, so the region's 23 rate it");
            Assert.That(chain.Rated(On(IsoDayOfWeek.Wednesday, 14))?.Rates.Slice, Is.EqualTo(HeldSlice.Org), "4 in the West: the org's 24 rate it");
            Assert.That(chain.Rated(On(IsoDayOfWeek.Thursday, 10)), Is.Null);
            Assert.That(chain.Bonus(On(IsoDayOfWeek.Thursday, 10)), Is.Zero);
        });
        // Rated against its own slice: 24/25 against metals' 31 of 48 overall.
        Assert.That(chain.Bonus(On(IsoDayOfWeek.Monday, 11)), Is.EqualTo((int)Math.Round((24 / 25.0 - 31 / 48.0) * HeldRates.WeightPerRate)));
        Assert.That(Slices(20).For("food-processing", null).Rated(On(IsoDayOfWeek.Monday, 11))?.Rates.Slice, Is.EqualTo(HeldSlice.Org),
            "another vertical's cell never rates a slot");
        Assert.That(Slices(20).For(null, null).Rated(On(IsoDayOfWeek.Tuesday, 9))?.Rates.Slice, Is.EqualTo(HeldSlice.Org));
    }

    [Test]
    public void Below_the_threshold_no_slice_says_anything()
    {
        var chain = Slices(minSample: 26).For("metals-recycling", "West");
        Assert.That(chain.HasSampled, Is.False);
        Assert.That(new[] { On(IsoDayOfWeek.Monday, 11), On(IsoDayOfWeek.Tuesday, 9), On(IsoDayOfWeek.Wednesday, 14) }
            .Select(t => (chain.Rated(t), chain.Bonus(t), chain.Reason(t))), Is.All.EqualTo((((HeldRates, HeldCell)?)null, 0, (string?)null)));
    }

    [Test]
    public async Task A_sampled_vertical_cell_moves_the_ranking_and_the_reason_names_the_vertical()
    {
        var plain = await SuggestAsync(HeldRateSlices.None, "metals-recycling");
        var rated = await SuggestAsync(Slices(minSample: 20), "metals-recycling");
        Assert.That(plain.Suggestions[0].Slot.Start, Is.EqualTo(Local("2026-04-13T08:00", Pacific)));
        var first = rated.Suggestions[0];
        Assert.That(first.Slot.Start, Is.EqualTo(Local("2026-04-13T11:00", Pacific)), "the vertical's best hour leads");
        Assert.That(first.Reasons.Single(r => r.Code == ReasonCodes.HeldRate).Message, Is.EqualTo(
            "Mondays at 11:00 AM (the prospect's time) are held 96% of the time for metals-recycling leads (65% for metals-recycling leads overall, 25 meetings)."));
        var other = await SuggestAsync(Slices(minSample: 20), "food-processing");
        Assert.That(other.Suggestions.SelectMany(s => s.Reasons).Select(r => r.Message), Has.None.Contains("metals-recycling"));
    }

    private static async Task<SuggestionResult> SuggestAsync(HeldRateSlices slices, string vertical)
    {
        var dana = Crew.Dana();
        var service = new SuggestionService(new StubDirectory(new OrgSnapshot([dana])), new StubCalendars(), new FakeClock(Sunday), new PlaceBook(),
            Crew.Estimator(), new CheckOptions(), new FixedRates(slices));
        var draft = new MeetingRequest(new Interval(Sunday, Sunday + Duration.FromHours(1)), Pacific, ["dana@example.com", "cfo@acme.example"], "sdr@example.com",
            "Microsoft Teams Meeting", Pacific, vertical);
        return await service.SuggestAsync(new SuggestionQuery(draft, null, 3, 3, false), CancellationToken.None);
    }

    private sealed class FixedRates(HeldRateSlices slices) : IHeldRatesSource
    {
        public ValueTask<HeldRateSlices> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(slices);
    }
}
