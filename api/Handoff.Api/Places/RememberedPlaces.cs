using Handoff.Places;
using Handoff.Scheduling.Places;
using Microsoft.Extensions.Caching.Memory;

namespace Handoff.Api.Places;

/// <summary>
/// The gazetteer's answers, remembered per location text across requests: an SDR's pane re-checks the same draft
/// as its times change, and RSMs' calendars repeat the same sites read after read, so the address parse (most of a
/// resolution's cost) runs once per text instead of once per check. Only answers the text alone decides are kept; a
/// name several places share is ranked by each check's own hints every time. Bounded (<see cref="Capacity"/> texts,
/// none longer than <see cref="LongestText"/> characters), so what calendars hold cannot grow it without limit.
/// </summary>
public sealed class RememberedPlaces(GazetteerPlaceResolver gazetteer) : IPlaceResolver, IDisposable
{
    public const int Capacity = 20_000;
    public const int LongestText = 300;

    private static readonly MemoryCacheEntryOptions OneEntry = new() { Size = 1, SlidingExpiration = TimeSpan.FromHours(12) };

    private readonly MemoryCache _answers = new(new MemoryCacheOptions { SizeLimit = Capacity, CompactionPercentage = 0.25 });

    public LocationMatch Resolve(string? location) => Resolve(location, PlaceHints.None);

    public LocationMatch Resolve(string? location, PlaceHints hints)
    {
        if (location is null || location.Length > LongestText)
        {
            return gazetteer.Resolve(location, hints);
        }
        if (_answers.TryGetValue(location, out LocationMatch? known))
        {
            return known!;
        }
        var match = gazetteer.Resolve(location, hints, out var ranked);
        if (!ranked)
        {
            _answers.Set(location, match, OneEntry);
        }
        return match;
    }

    public LocationMatch Country(string isoCode) => gazetteer.Country(isoCode);

    /// <summary>The gazetteer itself, for what only it can do (places at coordinates).</summary>
    public GazetteerPlaceResolver Gazetteer => gazetteer;

    /// <summary>Texts remembered now (tests).</summary>
    internal int Count => _answers.Count;

    public void Dispose() => _answers.Dispose();
}
