using NodaTime;

namespace Handoff.Scheduling.Suggestions;

/// <summary>Meetings held and no-shows that started at one weekday and hour of the prospect's day.</summary>
public sealed record HeldCell(IsoDayOfWeek Day, int Hour, int Held, int NoShows)
{
    public int Decided => Held + NoShows;

    public double? Rate => Decided == 0 ? null : (double)Held / Decided;
}

/// <summary>
/// Held rates by weekday × hour in the prospect's zone, from recorded outcomes (held ÷ (held + no-shows)), for the
/// whole org or one <see cref="Slice"/> of it (a vertical, a region). A cell says something only once it has
/// <see cref="MinSample"/> decided meetings; below that the ranking asks <see cref="Fallback"/> (the next wider slice),
/// and with none it ignores the cell. A pure input to the suggestion ranking: built by the API from stored outcomes.
/// </summary>
public sealed class HeldRates
{
    private readonly Dictionary<(IsoDayOfWeek, int), HeldCell> _cells;

    public HeldRates(IEnumerable<HeldCell> cells, int minSample, HeldSlice? slice = null, HeldRates? fallback = null)
    {
        MinSample = Math.Max(1, minSample);
        Slice = slice ?? HeldSlice.Org;
        Fallback = fallback;
        _cells = cells.ToDictionary(c => (c.Day, c.Hour));
        var held = _cells.Values.Sum(c => c.Held);
        var decided = _cells.Values.Sum(c => c.Decided);
        Baseline = decided == 0 ? null : (double)held / decided;
    }

    public static HeldRates None { get; } = new([], int.MaxValue);

    public int MinSample { get; }

    /// <summary>Whose meetings these are: the org's, a vertical's or a region's.</summary>
    public HeldSlice Slice { get; }

    /// <summary>The wider slice asked when a cell of this one is below <see cref="MinSample"/> (vertical → region → org).</summary>
    public HeldRates? Fallback { get; }

    /// <summary>Held ÷ decided over every cell of this slice: what a slot rated by this slice is compared with.</summary>
    public double? Baseline { get; }

    public IReadOnlyCollection<HeldCell> Cells => _cells.Values;

    /// <summary>This slice in front of <paramref name="fallback"/>.</summary>
    public HeldRates Before(HeldRates? fallback) => new(_cells.Values, MinSample, Slice, fallback);

    /// <summary>True when any cell of this slice or a fallback has enough meetings to move the ranking.</summary>
    public bool HasSampled => (Baseline is not null && _cells.Values.Any(c => c.Decided >= MinSample)) || Fallback?.HasSampled == true;

    /// <summary>
    /// Minutes of ranking bonus for a slot starting at this prospect-local time: one business day (1440 min) per
    /// 100 points of held rate above the rate of the slice that rated it, the same penalty below it; 0 when no slice
    /// has the cell sampled. So a slot held 15 points more often beats a plain one about 3½ hours earlier.
    /// </summary>
    public int Bonus(LocalDateTime prospectStart) =>
        Rated(prospectStart) is { Cell.Rate: { } rate, Rates.Baseline: { } baseline } ? (int)Math.Round((rate - baseline) * WeightPerRate) : 0;

    public const int WeightPerRate = 1440;

    /// <summary>
    /// "Tuesdays at 10:00 AM (the prospect's time) are held 86% of the time (71% overall, 25 meetings)", or with the
    /// slice named ("… for metals-recycling leads (71% for metals-recycling leads overall, …)"), for a sampled cell above its slice's rate.
    /// </summary>
    public string? Reason(LocalDateTime prospectStart) =>
        Rated(prospectStart) is { Cell: { Rate: { } rate } cell, Rates: { Baseline: { } baseline } rates } && rate > baseline
            ? $"{cell.Day}s at {Time.Formats.Time(new LocalTime(cell.Hour, 0))} (the prospect's time) are held {Math.Round(rate * 100)}% of the time"
              + (rates.Slice.Kind == HeldSliceKind.Org
                  ? $" ({Math.Round(baseline * 100)}% overall, {cell.Decided} meetings)."
                  : $" {rates.Slice.Phrase} ({Math.Round(baseline * 100)}% {rates.Slice.Phrase} overall, {cell.Decided} meetings).")
            : null;

    /// <summary>The cell of a prospect-local start in this slice when it has at least <see cref="MinSample"/> decided meetings.</summary>
    public HeldCell? Sampled(LocalDateTime prospectLocal) =>
        _cells.TryGetValue((prospectLocal.DayOfWeek, prospectLocal.Hour), out var cell) && cell.Decided >= MinSample ? cell : null;

    /// <summary>The first slice in the fallback order with the cell sampled, and that cell.</summary>
    public (HeldRates Rates, HeldCell Cell)? Rated(LocalDateTime prospectLocal) =>
        Baseline is not null && Sampled(prospectLocal) is { } cell ? (this, cell) : Fallback?.Rated(prospectLocal);

    /// <summary>Counts meetings by the weekday and hour they started for the prospect.</summary>
    public static HeldRates From(IEnumerable<(LocalDateTime ProspectStart, bool Held)> meetings, int minSample, HeldSlice? slice = null) =>
        new(meetings.GroupBy(m => (m.ProspectStart.DayOfWeek, m.ProspectStart.Hour))
            .Select(g => new HeldCell(g.Key.DayOfWeek, g.Key.Hour, g.Count(m => m.Held), g.Count(m => !m.Held))), minSample, slice);
}

/// <summary>Where the suggestion ranking gets held rates from (the API builds them from recorded outcomes).</summary>
public interface IHeldRatesSource
{
    ValueTask<HeldRateSlices> GetAsync(CancellationToken cancellationToken);
}
