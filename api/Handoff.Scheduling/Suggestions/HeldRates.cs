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

    /// <summary>The cell of a prospect-local start, when it has at least <see cref="MinSample"/> decided meetings.</summary>
    public HeldCell? Sampled(LocalDateTime prospectLocal) =>
        _cells.TryGetValue((prospectLocal.DayOfWeek, prospectLocal.Hour), out var cell) && cell.Decided >= MinSample ? cell : null;

    /// <summary>Counts meetings by the weekday and hour they started for the prospect.</summary>
    public static HeldRates From(IEnumerable<(LocalDateTime ProspectStart, bool Held)> meetings, int minSample) =>
        new(meetings.GroupBy(m => (m.ProspectStart.DayOfWeek, m.ProspectStart.Hour))
            .Select(g => new HeldCell(g.Key.DayOfWeek, g.Key.Hour, g.Count(m => m.Held), g.Count(m => !m.Held))), minSample);
}
