using System.Globalization;
using System.Text;

namespace Handoff.Places.Text;

/// <summary>
/// How place text is normalised: accents removed, lower case, Latin letters folded to ASCII ("Łódź" → "lodz",
/// "Straße" → "strasse"), letters of other scripts kept ("日本"), split into words of letters and digits; for city keys "st"/"ste"/"ft"/"mt" read as "saint"/"sainte"/"fort"/"mount" and the words joined.
/// Keep in step with <c>tools/gazetteer/lib/text.mjs</c>, which keeps one city per key and region: if this side
/// merged names the generator keeps apart, a test that finds every city by its own name fails.
/// </summary>
internal static class PlaceText
{
    /// <summary>Words of a name, for load time and admin input (allocates).</summary>
    public static IEnumerable<string> Words(string text)
    {
        var folded = FoldAccents(text);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var isWordChar = i < folded.Length && IsWordChar(folded[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                yield return folded[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }

    /// <summary>"St. John's" → "saintjohns"; "Mc Grath" → "mcgrath".</summary>
    public static string CityKey(string name)
    {
        var folded = FoldAccents(name);
        var builder = new StringBuilder(folded.Length + 8);
        Span<char> word = stackalloc char[folded.Length];
        var length = 0;
        for (var i = 0; i <= folded.Length; i++)
        {
            if (i < folded.Length && IsWordChar(folded[i]))
            {
                word[length++] = char.ToLowerInvariant(folded[i]);
            }
            else if (length > 0)
            {
                builder.Append(Expand(word[..length]));
                length = 0;
            }
        }
        return builder.ToString();
    }

    /// <summary>The long form of a city-name abbreviation, or the word itself.</summary>
    public static ReadOnlySpan<char> Expand(ReadOnlySpan<char> word) => word switch
    {
        "st" => "saint",
        "ste" => "sainte",
        "ft" => "fort",
        "mt" => "mount",
        _ => word,
    };

    /// <summary>A letter of any script or a decimal digit (JavaScript's [\p{L}\p{Nd}] in the generator).</summary>
    public static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) ||
        (c > 0x7f && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber);

    /// <summary>
    /// Removes combining marks after canonical decomposition ("Montréal" → "Montreal") and spells the Latin letters
    /// that do not decompose the way people type them in ASCII ("ß" → "ss", "ł" → "l"); ASCII passes through.
    /// </summary>
    public static string FoldAccents(string text)
    {
        if (Ascii.IsValid(text))
        {
            return text;
        }
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }
            if (Transliterate(char.ToLowerInvariant(c)) is { } ascii)
            {
                builder.Append(ascii);
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    // Same table as TRANSLITERATE in tools/gazetteer/lib/text.mjs.
    private static string? Transliterate(char c) => c switch
    {
        'ß' => "ss",
        'ł' => "l",
        'ø' => "o",
        'æ' => "ae",
        'œ' => "oe",
        'đ' or 'ð' => "d",
        'þ' => "th",
        'ı' => "i",
        'ħ' => "h",
        _ => null,
    };
}
