using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Handoff.Places;

/// <summary>A US state, district or territory, or a Canadian province or territory.</summary>
public sealed record Region(string Code, string Name, string Country);

/// <summary>
/// US and Canadian region codes and names, both ways: "CA" ↔ "California", "ON" ↔ "Ontario". Names are
/// matched on <see cref="Text.PlaceText"/> words ("Québec", "QUEBEC" and "quebec" are one name).
/// </summary>
public static class Regions
{
    private static readonly Region[] All =
    [
        new("AL", "Alabama", "US"), new("AK", "Alaska", "US"), new("AZ", "Arizona", "US"), new("AR", "Arkansas", "US"),
        new("CA", "California", "US"), new("CO", "Colorado", "US"), new("CT", "Connecticut", "US"),
        new("DE", "Delaware", "US"), new("DC", "District of Columbia", "US"), new("FL", "Florida", "US"),
        new("GA", "Georgia", "US"), new("HI", "Hawaii", "US"), new("ID", "Idaho", "US"), new("IL", "Illinois", "US"),
        new("IN", "Indiana", "US"), new("IA", "Iowa", "US"), new("KS", "Kansas", "US"), new("KY", "Kentucky", "US"),
        new("LA", "Louisiana", "US"), new("ME", "Maine", "US"), new("MD", "Maryland", "US"),
        new("MA", "Massachusetts", "US"), new("MI", "Michigan", "US"), new("MN", "Minnesota", "US"),
        new("MS", "Mississippi", "US"), new("MO", "Missouri", "US"), new("MT", "Montana", "US"),
        new("NE", "Nebraska", "US"), new("NV", "Nevada", "US"), new("NH", "New Hampshire", "US"),
        new("NJ", "New Jersey", "US"), new("NM", "New Mexico", "US"), new("NY", "New York", "US"),
        new("NC", "North Carolina", "US"), new("ND", "North Dakota", "US"), new("OH", "Ohio", "US"),
        new("OK", "Oklahoma", "US"), new("OR", "Oregon", "US"), new("PA", "Pennsylvania", "US"),
        new("RI", "Rhode Island", "US"), new("SC", "South Carolina", "US"), new("SD", "South Dakota", "US"),
        new("TN", "Tennessee", "US"), new("TX", "Texas", "US"), new("UT", "Utah", "US"), new("VT", "Vermont", "US"),
        new("VA", "Virginia", "US"), new("WA", "Washington", "US"), new("WV", "West Virginia", "US"),
        new("WI", "Wisconsin", "US"), new("WY", "Wyoming", "US"),
        new("PR", "Puerto Rico", "US"), new("VI", "U.S. Virgin Islands", "US"), new("GU", "Guam", "US"),
        new("AS", "American Samoa", "US"), new("MP", "Northern Mariana Islands", "US"),
        new("FM", "Federated States of Micronesia", "US"), new("MH", "Marshall Islands", "US"), new("PW", "Palau", "US"),
        new("AB", "Alberta", "CA"), new("BC", "British Columbia", "CA"), new("MB", "Manitoba", "CA"),
        new("NB", "New Brunswick", "CA"), new("NL", "Newfoundland and Labrador", "CA"), new("NS", "Nova Scotia", "CA"),
        new("NT", "Northwest Territories", "CA"), new("NU", "Nunavut", "CA"), new("ON", "Ontario", "CA"),
        new("PE", "Prince Edward Island", "CA"), new("QC", "Quebec", "CA"), new("SK", "Saskatchewan", "CA"),
        new("YT", "Yukon", "CA"),
    ];

    // Other spellings people use, as words joined by single spaces.
    private static readonly (string Name, string Code)[] Aliases =
    [
        ("washington dc", "DC"), ("d c", "DC"), ("virgin islands", "VI"), ("us virgin islands", "VI"),
        ("newfoundland", "NL"), ("labrador", "NL"), ("nfld", "NL"), ("pei", "PE"), ("p e i", "PE"),
        ("northwest territory", "NT"), ("nwt", "NT"), ("yukon territory", "YT"), ("nunavut territory", "NU"),
        ("calif", "CA"), ("ont", "ON"), ("que", "QC"), ("alta", "AB"), ("sask", "SK"), ("b c", "BC"),
        ("pq", "QC"), ("nf", "NL"),
    ];

    private static readonly FrozenDictionary<string, Region> ByCode =
        All.ToFrozenDictionary(r => r.Code, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, Region> ByName = All
        .Select(r => (Key: string.Join(' ', Text.PlaceText.Words(r.Name)), Region: r))
        .Concat(Aliases.Select(a => (Key: a.Name, Region: ByCode[a.Code])))
        .ToFrozenDictionary(x => x.Key, x => x.Region, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Region>.AlternateLookup<ReadOnlySpan<char>> CodeLookup =
        ByCode.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenDictionary<string, Region>.AlternateLookup<ReadOnlySpan<char>> NameLookup =
        ByName.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Longest region name in words ("federated states of micronesia"); bounds suffix searches.</summary>
    internal static int MaxNameWords { get; } = ByName.Keys.Max(k => k.Count(c => c == ' ') + 1);

    public static IReadOnlyList<Region> List => All;

    public static bool TryGetByCode(ReadOnlySpan<char> code, [NotNullWhen(true)] out Region? region) =>
        CodeLookup.TryGetValue(code, out region);

    /// <summary>Full name or alias; <paramref name="words"/> is lower-case words separated by single spaces.</summary>
    internal static bool TryGetByWords(ReadOnlySpan<char> words, [NotNullWhen(true)] out Region? region) =>
        NameLookup.TryGetValue(words, out region);

    /// <summary>A code, a full name or an alias, in any case and with or without accents.</summary>
    public static bool TryFind(string? text, [NotNullWhen(true)] out Region? region)
    {
        region = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var words = string.Join(' ', Text.PlaceText.Words(text));
        return TryGetByCode(text.Trim(), out region) || TryGetByWords(words, out region);
    }
}
