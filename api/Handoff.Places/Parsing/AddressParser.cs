using Handoff.Places.Text;
using Handoff.Scheduling.Places;

namespace Handoff.Places.Parsing;

/// <summary>How strongly the text placed itself: a postal code beats a city with its region beats a city with its country beats a bare city.</summary>
internal enum Evidence
{
    None,
    CountryOnly,
    CityOnly,
    CityAndCountry,
    CityAndRegion,
    PostalCode,
}

/// <summary>
/// A US/Canadian reading comes with its <see cref="Place"/>; a worldwide one with the <see cref="World"/> reading
/// (every namesake that fits), which the resolver ranks with the check's hints.
/// </summary>
internal readonly record struct AddressMatch(Place? Place, Evidence Evidence, WorldReading World = default)
{
    public bool Found => Place is not null || World.Evidence != Evidence.None;
}

/// <summary>
/// Reads an address as SDRs type it, from the end: trailing country, postal code, region, city. A trailing country
/// outside the US and Canada sends the text to <see cref="WorldParser"/>. Otherwise the US/Canadian reading comes
/// first: the postal code wins when present, known and consistent with a stated region; otherwise city + region.
/// What that cannot place (a bare "London", "Springfield, USA", "Munich, DE") is read worldwide.
/// </summary>
internal static class AddressParser
{
    private const int MaxCityWords = 6;
    /// <summary>
    /// A typed city in the same province and this close to a rural FSA's centre is a better point than the
    /// centre: rural FSAs span hundreds of km ("T0E": western Alberta, from Edson to Jasper).
    /// </summary>
    private const double RuralFsaCityKm = 500;

    public static AddressMatch Parse(ReadOnlySpan<char> text, Gazetteer gazetteer)
    {
        Span<char> chars = stackalloc char[Tokenizer.MaxChars];
        Span<Token> buffer = stackalloc Token[Tokenizer.MaxTokens];
        var tokens = new TokenView(chars, buffer[..Tokenizer.Tokenize(text, chars, buffer)]);
        var trailing = WorldParser.TrailingCountry(tokens, tokens.Count, gazetteer);
        // "Atlanta, Georgia", "Dover, DE", "Toronto, CA": a country that is also a US/Canadian region is read both ways.
        var foreign = trailing is { Country.Code: not ("US" or "CA") } t && !LooksLikeRegion(tokens, t.Start);
        if (foreign)
        {
            return World(WorldParser.Read(tokens, trailing!.Value.Start, trailing.Value.Country, gazetteer));
        }
        var northAmerican = ParseNorthAmerican(tokens, gazetteer);
        if (northAmerican.Evidence >= Evidence.CityAndRegion)
        {
            return northAmerican;
        }
        if (trailing is { } country)
        {
            return World(WorldParser.Read(tokens, country.Start, country.Country, gazetteer));
        }
        // "California", "Ontario" alone name a state or province, not a town that shares its name.
        return LooksLikeRegion(tokens, tokens.SegmentStart(Math.Max(tokens.Count - 1, 0))) && tokens.SegmentStart(Math.Max(tokens.Count - 1, 0)) == 0
            ? default
            : World(WorldParser.Read(tokens, tokens.Count, null, gazetteer));
    }

    private static AddressMatch World(WorldReading reading) => new(null, reading.Evidence, reading);

    private static bool LooksLikeRegion(TokenView tokens, int start)
    {
        if (tokens.Count == 0)
        {
            return false;
        }
        Span<char> buffer = stackalloc char[96];
        var words = tokens.JoinWords(start, tokens.Count - 1, buffer);
        return Regions.TryGetByWords(words, out _) || (start == tokens.Count - 1 && words.Length == 2 && Regions.TryGetByCode(words, out _));
    }

    private static AddressMatch ParseNorthAmerican(TokenView tokens, Gazetteer gazetteer)
    {
        var end = TrailingCountry.Strip(tokens, tokens.Count);
        if (end == 0)
        {
            return default;
        }
        var postal = PostalCodes.FindLast(tokens, end) ?? PostalAfterItsCity(tokens, end, gazetteer);
        var beforeRegion = postal?.Start ?? end;
        Region? region = null;
        var cityLast = beforeRegion - 1;
        if (RegionWords.TryMatchEndingAt(tokens, beforeRegion - 1, out var found, out var regionStart))
        {
            (region, regionStart) = PreferProvinceOverCanada(tokens, found, regionStart);
            cityLast = regionStart - 1;
        }
        var city = region is null ? null : FindCity(tokens, cityLast, region.Code, gazetteer);
        if (postal is { } code && gazetteer.TryGetPostalCode(code.Key(tokens), out var entry) &&
            (region is null || region.Code == entry.Region || city is null))
        {
            return new AddressMatch(FromPostalCode(entry, code.Display(tokens), city), Evidence.PostalCode);
        }
        return city is not null ? new AddressMatch(FromCity(city), Evidence.CityAndRegion) : default;
    }

    /// <summary>"Fresno 93706": a code with no region before it still counts when the words before it name its own city.</summary>
    private static PostalCandidate? PostalAfterItsCity(TokenView tokens, int end, Gazetteer gazetteer)
    {
        if (PostalCodes.Match(tokens, end - 1) is not { } candidate || candidate.Start == 0 ||
            tokens.Segment(candidate.Start - 1) != tokens.Segment(candidate.Start) ||
            !gazetteer.TryGetPostalCode(candidate.Key(tokens), out var entry))
        {
            return null;
        }
        var cityKey = PlaceText.CityKey(entry.Name);
        Span<char> key = stackalloc char[128];
        var last = candidate.Start - 1;
        for (var from = Math.Max(tokens.SegmentStart(last), last - MaxCityWords + 1); from <= last; from++)
        {
            if (tokens.JoinCityKey(from, last, [], key).SequenceEqual(cityKey))
            {
                return candidate;
            }
        }
        return null;
    }

    /// <summary>"Toronto, ON, CA": a trailing "CA" after a province means Canada, not California.</summary>
    private static (Region Region, int Start) PreferProvinceOverCanada(TokenView tokens, Region region, int start)
    {
        if (region.Code == "CA" && start == tokens.SegmentStart(start) &&
            RegionWords.TryMatchEndingAt(tokens, start - 1, out var province, out var provinceStart) && province.Country == "CA")
        {
            return (province, provinceStart);
        }
        return (region, start);
    }

    /// <summary>Longest run of words ending at <paramref name="last"/> (same segment) that names a city in the region.</summary>
    private static GazetteerEntry? FindCity(TokenView tokens, int last, string region, Gazetteer gazetteer)
    {
        if (last < 0)
        {
            return null;
        }
        Span<char> key = stackalloc char[128];
        var first = Math.Max(tokens.SegmentStart(last), last - MaxCityWords + 1);
        for (var from = first; from <= last; from++)
        {
            if (gazetteer.TryGetCityByKey(tokens.JoinCityKey(from, last, region, key), out var city))
            {
                return city;
            }
        }
        // "Quebec City, QC" is "Québec" in the data.
        return last > first && tokens[last] is "city" ? FindCity(tokens, last - 1, region, gazetteer) : null;
    }

    private static Place FromPostalCode(GazetteerEntry entry, string postalCode, GazetteerEntry? typedCity)
    {
        // A rural FSA spans a region; the town the SDR typed, if it lies in that region, is the better point.
        var useCity = entry.IsRuralPostalPrefix && typedCity is not null && typedCity.Region == entry.Region &&
                      typedCity.Point.DistanceKm(entry.Point) <= RuralFsaCityKm;
        var where = useCity ? typedCity! : entry;
        return new Place($"{where.Name}, {entry.Region} {postalCode}", where.Point, where.ZoneId, entry.Country,
            entry.Region, postalCode, where.Name);
    }

    internal static Place FromCity(GazetteerEntry city) =>
        new($"{city.Name}, {city.Region}", city.Point, city.ZoneId, city.Country, city.Region, City: city.Name);
}
