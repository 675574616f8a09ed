using NodaTime;

namespace Handoff.Scheduling.Suggestions;

public enum HeldSliceKind { Org, Vertical, Region }

/// <summary>Whose meetings a held-rate grid counts: the whole org, one vertical, or one region (the territory a meeting routed to).</summary>
public sealed record HeldSlice(HeldSliceKind Kind, string? Name)
{
    public static HeldSlice Org { get; } = new(HeldSliceKind.Org, null);

    /// <summary>"for metals-recycling leads", "for leads in Central Valley"; empty for the org.</summary>
    public string Phrase => Kind switch
    {
        HeldSliceKind.Vertical => $"for {Name} leads",
        HeldSliceKind.Region => $"for leads in {Name}",
        _ => "",
    };
}

/// <summary>
/// The org-wide held-rate grid and one grid per vertical and per region. A prospect's slot is rated by the narrowest
/// slice whose cell has the sample: its vertical, else its region, else the org (<see cref="For"/>). The vertical comes
/// first because buyers of one trade keep the same hours wherever they are, while a region mostly differs by zone,
/// which the prospect-local grid already accounts for.
/// </summary>
public sealed class HeldRateSlices(HeldRates org, IReadOnlyDictionary<string, HeldRates> verticals, IReadOnlyDictionary<string, HeldRates> regions)
{
    public static HeldRateSlices None { get; } = new(HeldRates.None, new Dictionary<string, HeldRates>(), new Dictionary<string, HeldRates>());

    public HeldRates Org { get; } = org;

    public IReadOnlyDictionary<string, HeldRates> Verticals { get; } = verticals;

    public IReadOnlyDictionary<string, HeldRates> Regions { get; } = regions;

    /// <summary>The grids a prospect of this vertical in this region is rated by, narrowest first, ending with the org's.</summary>
    public HeldRates For(string? vertical, string? region)
    {
        var chain = Org;
        if (region is not null && Regions.TryGetValue(region, out var byRegion))
        {
            chain = byRegion.Before(chain);
        }
        if (vertical is not null && Verticals.TryGetValue(vertical, out var byVertical))
        {
            chain = byVertical.Before(chain);
        }
        return chain;
    }

    /// <summary>Counts meetings into the org's grid and into their vertical's and region's (names compared ignoring case).</summary>
    public static HeldRateSlices From(IReadOnlyCollection<(LocalDateTime ProspectStart, bool Held, string? Vertical, string? Region)> meetings, int minSample)
    {
        Dictionary<string, HeldRates> By(Func<(LocalDateTime ProspectStart, bool Held, string? Vertical, string? Region), string?> key, HeldSliceKind kind) =>
            meetings.Where(m => !string.IsNullOrWhiteSpace(key(m)))
                .GroupBy(m => key(m)!.Trim(), StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => HeldRates.From(g.Select(m => (m.ProspectStart, m.Held)), minSample, new HeldSlice(kind, g.Key)),
                    StringComparer.OrdinalIgnoreCase);
        return new HeldRateSlices(HeldRates.From(meetings.Select(m => (m.ProspectStart, m.Held)), minSample),
            By(m => m.Vertical, HeldSliceKind.Vertical), By(m => m.Region, HeldSliceKind.Region));
    }
}
