using Handoff.Places.Text;

namespace Handoff.Places.Parsing;

/// <summary>
/// Reads addresses as they are written outside the US and Canada: "Acme Ltd, 1 Poultry, London EC2R 8EJ, United
/// Kingdom", "Friedrichstraße 43, 10117 Berlin, Deutschland", "Sydney NSW 2000", "Munich, Bavaria, Germany",
/// "São Paulo, Brasil", and bare names ("London"). From the end: a trailing country (name, common or native
/// name, ISO code), a UK postcode (which says the UK), then segment by segment backwards the city, with an
/// optional region before or inside it; postcodes and house numbers (words with digits) are skipped wherever
/// they stand. Without a country, region or postcode a city name must fill its segment ("Conference room B" is
/// not a town that happens to be called "Room"). Returns every namesake that fits, for the resolver to rank.
/// </summary>
internal static class WorldParser
{
    private const int MaxCityWords = 6;
    private const int MaxRegionWords = 4;
    /// <summary>How many segments before the country a city is looked for in ("Acme, 1 Poultry, London EC2R 8EJ").</summary>
    private const int MaxSegments = 4;

    /// <summary>A country ending the text (the whole last segment or its last words), or null.</summary>
    public static (GazetteerEntry Country, int Start)? TrailingCountry(TokenView tokens, int end, Gazetteer gazetteer)
    {
        if (end == 0)
        {
            return null;
        }
        var world = gazetteer.World;
        Span<char> buffer = stackalloc char[96];
        var segmentStart = tokens.SegmentStart(end - 1);
        var first = Math.Max(segmentStart, end - world.MaxCountryWords);
        for (var from = first; from < end; from++)
        {
            var words = tokens.JoinWords(from, end - 1, buffer);
            // A two-letter code counts only as a segment of its own ("Munich, DE"), never inside a phrase.
            var country = words.Length == 2 && from != segmentStart ? null : world.CountryByWords(words);
            if (country is null && from == segmentStart && from == end - 1 && words.Length == 2)
            {
                country = world.CountryByCode(words.ToString());
            }
            if (country is not null)
            {
                return (country, from);
            }
        }
        return null;
    }

    public static WorldReading Read(TokenView tokens, int end, GazetteerEntry? country, Gazetteer gazetteer)
    {
        if (end <= 0)
        {
            return country is null ? default : new WorldReading([], country, Evidence.CountryOnly, null);
        }
        string? postcode = null;
        var skipFrom = -1;
        var skipTo = -1;
        if (UkPostcode.FindLast(tokens, end) is var (start, last) && (country is null || country.Code == "GB"))
        {
            country ??= gazetteer.World.CountryByCode("GB");
            (skipFrom, skipTo) = (start, last);
            postcode = start == last
                ? $"{tokens[start][..^3]} {tokens[start][^3..]}".ToUpperInvariant()
                : $"{tokens[start]} {tokens[last]}".ToUpperInvariant();
        }
        var constrained = country is not null;
        ReadOnlySpan<GazetteerEntry> regions = [];
        var segmentEnd = end;
        for (var segments = 0; segments < MaxSegments && segmentEnd > 0; segments++)
        {
            var segmentStart = tokens.SegmentStart(segmentEnd - 1);
            // Runs of words without digits, from the last: "10117 Berlin" → "berlin"; "London EC2R 8EJ" → "london".
            var runEnd = segmentEnd;
            while (runEnd > segmentStart)
            {
                while (runEnd > segmentStart && (HasDigit(tokens[runEnd - 1]) || (runEnd - 1 >= skipFrom && runEnd - 1 <= skipTo)))
                {
                    runEnd--;
                }
                var runStart = runEnd;
                while (runStart > segmentStart && !HasDigit(tokens[runStart - 1]) && !(runStart - 1 >= skipFrom && runStart - 1 <= skipTo))
                {
                    runStart--;
                }
                if (runStart == runEnd)
                {
                    break;
                }
                var wholeSegment = IsOnlyWordsOfSegment(tokens, runStart, runEnd, segmentStart, segmentEnd);
                var found = FindInRun(tokens, runStart, runEnd, country, ref regions, constrained || regions.Length > 0, wholeSegment, gazetteer);
                if (found.Length > 0)
                {
                    var evidence = regions.Length > 0 ? Evidence.CityAndRegion : constrained ? Evidence.CityAndCountry : Evidence.CityOnly;
                    return new WorldReading(found, country, evidence, postcode);
                }
                runEnd = runStart;
            }
            if (!constrained && regions.Length == 0)
            {
                break; // a bare name is read from the last segment only
            }
            segmentEnd = segmentStart;
        }
        if (country is not null)
        {
            return new WorldReading([], country, Evidence.CountryOnly, postcode);
        }
        return default;
    }

    /// <summary>
    /// A city in the words [runStart, runEnd): first the run less a trailing region ("Sydney NSW"), then the longest
    /// sub-run ending at the end, then starting at the start. A run that is only a region name sets the region for
    /// the segments before it ("Munich, Bavaria, Germany").
    /// </summary>
    private static GazetteerEntry[] FindInRun(TokenView tokens, int runStart, int runEnd, GazetteerEntry? country,
        ref ReadOnlySpan<GazetteerEntry> regions, bool constrained, bool wholeSegment, Gazetteer gazetteer)
    {
        Span<char> key = stackalloc char[128];
        var cityEnd = runEnd;
        for (var from = Math.Max(runStart + 1, runEnd - MaxRegionWords); from < runEnd; from++)
        {
            var named = RegionsIn(tokens, from, runEnd, country, gazetteer);
            if (named.Length > 0)
            {
                var inRegion = Match(tokens.JoinCityKey(runStart, from - 1, [], key), country, named, gazetteer);
                if (inRegion.Length > 0)
                {
                    regions = named;
                    return inRegion;
                }
                cityEnd = from;
                break;
            }
        }
        if (!constrained)
        {
            // Bare: the name must be all the words of its segment (a trailing region aside).
            var bare = wholeSegment ? Match(tokens.JoinCityKey(runStart, cityEnd - 1, [], key), null, [], gazetteer) : [];
            if (bare.Length == 0 && wholeSegment && cityEnd == runEnd)
            {
                regions = RegionsIn(tokens, runStart, runEnd, country, gazetteer);
            }
            return bare;
        }
        for (var length = Math.Min(MaxCityWords, cityEnd - runStart); length >= 1; length--)
        {
            var right = Match(tokens.JoinCityKey(cityEnd - length, cityEnd - 1, [], key), country, regions, gazetteer);
            if (right.Length > 0)
            {
                return right;
            }
            var left = Match(tokens.JoinCityKey(runStart, runStart + length - 1, [], key), country, regions, gazetteer);
            if (left.Length > 0)
            {
                return left;
            }
        }
        if (regions.Length == 0 && wholeSegment)
        {
            regions = RegionsIn(tokens, runStart, runEnd, country, gazetteer);
        }
        return [];
    }

    private static GazetteerEntry[] RegionsIn(TokenView tokens, int from, int end, GazetteerEntry? country, Gazetteer gazetteer)
    {
        Span<char> buffer = stackalloc char[96];
        var all = gazetteer.World.RegionsByWords(tokens.JoinWords(from, end - 1, buffer));
        var fitting = new List<GazetteerEntry>(all.Length);
        foreach (var r in all)
        {
            if (country is null || r.Country == country.Code)
            {
                fitting.Add(r);
            }
        }
        return [.. fitting];
    }

    /// <summary>Cities with this key in the country and regions given (a region that fits none is ignored).</summary>
    private static GazetteerEntry[] Match(ReadOnlySpan<char> cityKey, GazetteerEntry? country, ReadOnlySpan<GazetteerEntry> regions, Gazetteer gazetteer)
    {
        if (cityKey.Length < 2)
        {
            return [];
        }
        var namesakes = gazetteer.World.Namesakes(cityKey);
        if (namesakes.IsEmpty)
        {
            return [];
        }
        List<GazetteerEntry>? inCountry = null;
        List<GazetteerEntry>? inRegion = null;
        foreach (var city in namesakes)
        {
            if (country is not null && city.Country != country.Code)
            {
                continue;
            }
            (inCountry ??= []).Add(city);
            foreach (var region in regions)
            {
                if (region.Country == city.Country && region.Code == city.Region)
                {
                    (inRegion ??= []).Add(city);
                    break;
                }
            }
        }
        if (regions.Length > 0)
        {
            return inRegion is null ? [] : [.. inRegion];
        }
        return inCountry is null ? [] : [.. inCountry];
    }

    private static bool IsOnlyWordsOfSegment(TokenView tokens, int runStart, int runEnd, int segmentStart, int segmentEnd)
    {
        for (var i = segmentStart; i < segmentEnd; i++)
        {
            if ((i < runStart || i >= runEnd) && !HasDigit(tokens[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static bool HasDigit(ReadOnlySpan<char> word) => word.IndexOfAnyInRange('0', '9') >= 0;
}

/// <summary>
/// What <see cref="WorldParser"/> found: the cities that fit (namesakes, for the resolver to rank), the country if
/// stated or implied by a postcode, how strong the reading is, and a UK postcode as typed.
/// </summary>
internal readonly record struct WorldReading(GazetteerEntry[]? Cities, GazetteerEntry? Country, Evidence Evidence, string? Postcode);
