namespace Handoff.Places.Parsing;

/// <summary>
/// A full UK postcode ("EC2R 8EJ", "SW1A 1AA", "M1 1AE", "EC2R8EJ") by its shape (BS 7666: outward code of one or
/// two letters, a digit, and an optional letter or digit; inward code of a digit and two letters). Its shape alone
/// says the UK: no other country's codes end in digit-letter-letter after such an outward code, and the Canadian
/// "M5H 2N2" ends letter-digit. The UK is one time zone, so the shape is enough for the zone; no open package
/// ships outward-code centroids, so the point comes from the city typed with it.
/// </summary>
internal static class UkPostcode
{
    /// <summary>The last full UK postcode ending a segment before <paramref name="end"/>: its token range, or null.</summary>
    public static (int Start, int Last)? FindLast(TokenView tokens, int end)
    {
        for (var i = end - 1; i >= 0; i--)
        {
            if (!tokens.EndsSegment(i, end))
            {
                continue;
            }
            var word = tokens[i];
            if (word.Length is >= 5 and <= 7 && IsOutward(word[..^3]) && IsInward(word[^3..]))
            {
                return (i, i);
            }
            if (IsInward(word) && i > 0 && tokens.Segment(i - 1) == tokens.Segment(i) && IsOutward(tokens[i - 1]))
            {
                return (i - 1, i);
            }
        }
        return null;
    }

    private static bool IsOutward(ReadOnlySpan<char> w) => w.Length switch
    {
        2 => char.IsAsciiLetterLower(w[0]) && char.IsAsciiDigit(w[1]),
        3 => char.IsAsciiLetterLower(w[0]) && (char.IsAsciiLetterLower(w[1]) ? char.IsAsciiDigit(w[2]) : char.IsAsciiDigit(w[1]) && char.IsAsciiLetterOrDigit(w[2])),
        4 => char.IsAsciiLetterLower(w[0]) && char.IsAsciiLetterLower(w[1]) && char.IsAsciiDigit(w[2]) && char.IsAsciiLetterOrDigit(w[3]),
        _ => false,
    };

    private static bool IsInward(ReadOnlySpan<char> w) =>
        w.Length == 3 && char.IsAsciiDigit(w[0]) && char.IsAsciiLetterLower(w[1]) && char.IsAsciiLetterLower(w[2]);
}
