using NodaTime;

namespace Handoff.Scheduling.Suggestions;

/// <summary>Meetings held and no-shows that started at one weekday and hour of the prospect's day.</summary>
public sealed record HeldCell(IsoDayOfWeek Day, int Hour, int Held, int NoShows)
{
    public int Decided => Held + NoShows;

    public double? Rate => Decided == 0 ? null : (double)Held / Decided;
}

/// <summary>
/// Held rates by weekday × hour in the prospect's zone, from recorded outcomes (held ÷ (held + no-shows)). A cell
/// says something only once it has <see cref="MinSample"/> decided meetings; below that the ranking ignores it.
/// A pure input to the suggestion ranking: built by the API from stored outcomes, never read from storage here.
/// </summary>
public sealed class HeldRates
{
    private readonly Dictionary<(IsoDayOfWeek, int), HeldCell> _cells;

    public HeldRates(IEnumerable<HeldCell> cells, int minSample)
    {
        MinSample = Math.Max(1, minSample);
        _cells = cells.ToDictionary(c => (c.Day, c.Hour));
        var held = _cells.Values.Sum(c => c.Held);
        var decided = _cells.Values.Sum(c => c.Decided);
        Baseline = decided == 0 ? null : (double)held / decided;
    }

    public static HeldRates None { get; } = new([], int.MaxValue);

    public int MinSample { get; }

    /// <summary>Held ÷ decided over every cell: what a slot is compared with.</summary>
    public double? Baseline { get; }

    public IReadOnlyCollection<HeldCell> Cells => _cells.Values;

    /// <summary>True when any cell has enough meetings to move the ranking; otherwise the ranking ignores the rates.</summary>
    public bool HasSampled => Baseline is not null && _cells.Values.Any(c => c.Decided >= MinSample);

    /// <summary>
    /// Minutes of ranking bonus for a slot starting at this prospect-local time: one business day (1440 min) per
    /// 100 points of held rate above the overall rate, the same penalty below it; 0 for a cell below the sample.
    /// So a slot held 15 points more often beats a plain one about 3½ hours earlier.
    /// </summary>
    public int Bonus(LocalDateTime prospectStart) =>
        Sampled(prospectStart) is { Rate: { } rate } && Baseline is { } baseline ? (int)Math.Round((rate - baseline) * WeightPerRate) : 0;

    public const int WeightPerRate = 1440;

    /// <summary>"Tuesdays at 10 AM (the prospect's time) are held 86% of the time (71% overall)", for a sampled cell above the overall rate.</summary>
    public string? Reason(LocalDateTime prospectStart) =>
        Sampled(prospectStart) is { Rate: { } rate } cell && Baseline is { } baseline && rate > baseline
            ? $"{cell.Day}s at {Time.Formats.Time(new LocalTime(cell.Hour, 0))} (the prospect's time) are held {Math.Round(rate * 100)}% of the time ({Math.Round(baseline * 100)}% overall, {cell.Decided} meetings)."
            : null;

    /// <summary>The cell of a prospect-local start, when it has at least <see cref="MinSample"/> decided meetings.</summary>
    public HeldCell? Sampled(LocalDateTime prospectLocal) =>
        _cells.TryGetValue((prospectLocal.DayOfWeek, prospectLocal.Hour), out var cell) && cell.Decided >= MinSample ? cell : null;

    /// <summary>Counts meetings by the weekday and hour they started for the prospect.</summary>
    public static HeldRates From(IEnumerable<(LocalDateTime ProspectStart, bool Held)> meetings, int minSample) =>
        new(meetings.GroupBy(m => (m.ProspectStart.DayOfWeek, m.ProspectStart.Hour))
            .Select(g => new HeldCell(g.Key.DayOfWeek, g.Key.Hour, g.Count(m => m.Held), g.Count(m => !m.Held))), minSample);
}

/// <summary>Where the suggestion ranking gets held rates from (the API builds them from recorded outcomes).</summary>
public interface IHeldRatesSource
{
    ValueTask<HeldRates> GetAsync(CancellationToken cancellationToken);
}
