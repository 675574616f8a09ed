namespace Handoff.Api.Outcomes.Reports;

/// <summary>
/// The figures of one group, fed one row at a time: the report adds each row to its accumulators in a single pass
/// instead of re-enumerating the rows for every table. Times are kept (one list per group, sorted once at the end) only
/// where medians and the p90 are shown.
/// </summary>
internal sealed class FigureAccumulator(bool times, int capacity = 0)
{
    private readonly int[] _counts = new int[8];
    private readonly List<double>? _speeds = times ? new(capacity) : null;
    private readonly List<double>? _leadDays = times ? new(capacity) : null;
    private decimal _amount;
    private int _booked, _slips, _warned;

    public int Booked => _booked;

    /// <param name="speed">Minutes from lead-in to send, when the lead came in before the send.</param>
    /// <param name="leadDays">Days from lead-in to the meeting, when the lead came in before it.</param>
    public void Add(in ReportRow row, MeetingState state, double? speed, double? leadDays)
    {
        _booked++;
        _counts[(int)state]++;
        if (state == MeetingState.Opportunity) { _amount += row.Amount ?? 0m; }
        if (_speeds is not null)
        {
            if (speed is { } s) { _speeds.Add(s); }
            if (leadDays is { } d) { _leadDays!.Add(d); }
        }
        _slips += row.Slips;
        if (row.SentAnyway.Length > 0) { _warned++; }
    }

    public Figures ToFigures()
    {
        var speeds = Sorted(_speeds);
        var days = Sorted(_leadDays);
        return ReportCalculator.FiguresFrom(_counts, _booked, _amount, speeds, days, _slips, _warned);
    }

    private static double[] Sorted(List<double>? values)
    {
        if (values is null || values.Count == 0) { return []; }
        var array = values.ToArray();
        Array.Sort(array);
        return array;
    }
}

/// <summary>How a sent-anyway code's meetings went.</summary>
internal struct SentAnywayTally
{
    public int Count, Held, NoShows, PastActive;
}

/// <summary>
/// Codes and keys stored as "|A|B|", read without splitting: each token is a span of the stored string, looked up in a
/// dictionary by span, so a row's lists cost no allocation (a key's string is made once, the first time it is seen).
/// </summary>
internal sealed class CodeTable
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string> _codes = [];

    public CodeTable() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _codes.Count;

    public string this[int id] => _codes[id];

    public int IdOf(ReadOnlySpan<char> code)
    {
        if (_lookup.TryGetValue(code, out var id)) { return id; }
        id = _codes.Count;
        var text = code.ToString();
        _ids[text] = id;
        _codes.Add(text);
        return id;
    }

    /// <summary>Whether the joined list holds the code (the same tokens <see cref="Codes.Split"/> gives).</summary>
    public static bool Contains(string? joined, ReadOnlySpan<char> code)
    {
        var span = joined.AsSpan();
        foreach (var range in span.Split('|'))
        {
            if (span[range].SequenceEqual(code)) { return true; }
        }
        return false;
    }
}

/// <summary>
/// The held-rate grid's meetings (held, opportunity or no-show, prospect's zone known), collected in the report's one
/// pass: each zone id is resolved once per report, not once per row.
/// </summary>
internal sealed class HeldGridInput
{
    private readonly Dictionary<string, NodaTime.DateTimeZone?> _zones = new(StringComparer.Ordinal);
    private readonly List<(NodaTime.LocalDateTime, bool, string?, string?)> _meetings = [];

    // One string per vertical and territory name: the streamed rows' own copies are then garbage at once.
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    public void Add(in ReportRow row, MeetingState state)
    {
        if (state is not (MeetingState.Held or MeetingState.Opportunity or MeetingState.NoShow) || row.ProspectZone is not { } id) { return; }
        if (!_zones.TryGetValue(id, out var zone))
        {
            zone = _zones[id] = Scheduling.Time.TimeZoneIds.TryResolve(id, out var resolved) ? resolved : null;
        }
        if (zone is null) { return; }
        _meetings.Add((ReportCalculator.Start(in row).InZone(zone).LocalDateTime, state != MeetingState.NoShow, Name(row.Vertical), Name(row.Territory)));
    }

    private string? Name(string? name)
    {
        if (name is null) { return null; }
        if (_names.TryGetValue(name, out var kept)) { return kept; }
        return _names[name] = name;
    }

    public HeldGrid ToGrid(int minSample) => HeldGrid.From(Scheduling.Suggestions.HeldRateSlices.From(_meetings, minSample));
}
