namespace Handoff.Places.Parsing;

internal enum PostalKind
{
    UsZip,
    /// <summary>"M5H 2N2" or "M5H2N2".</summary>
    CanadianFull,
    /// <summary>"T2P": the forward sortation area alone.</summary>
    CanadianPrefix,
}

/// <summary>A postal code found in tokens [<see cref="Start"/>, <see cref="Last"/>].</summary>
internal readonly record struct PostalCandidate(PostalKind Kind, int Start, int Last)
{
    /// <summary>The gazetteer key: the 5-digit ZIP or the 3-character FSA.</summary>
    public ReadOnlySpan<char> Key(TokenView tokens) => Kind == PostalKind.UsZip ? tokens[Start][..5] : tokens[Start][..3];

    /// <summary>As shown in a label: "93706" (ZIP+4 dropped), "M5H 2N2", "T2P".</summary>
    public string Display(TokenView tokens) => Kind switch
    {
        PostalKind.UsZip => tokens[Start][..5].ToString(),
        PostalKind.CanadianPrefix => tokens[Start].ToString().ToUpperInvariant(),
        _ => Start == Last
            ? $"{tokens[Start][..3]} {tokens[Start][3..]}".ToUpperInvariant()
            : $"{tokens[Start]} {tokens[Last]}".ToUpperInvariant(),
    };
}

/// <summary>
/// Finds the postal code in tokenised text. It must end its segment ("Fresno, CA 93706, Suite 4" has it, "12345
/// Main St" is a street number). A US ZIP or a lone Canadian FSA must also open its segment or follow a region
/// ("CA 93706", "AB T2P"), so "Building 12345" is not read as a ZIP; a full Canadian code stands on its own.
/// </summary>
internal static class PostalCodes
{
    public static PostalCandidate? FindLast(TokenView tokens, int end)
    {
        for (var i = end - 1; i >= 0; i--)
        {
            if (!tokens.EndsSegment(i, end) || Match(tokens, i) is not { } candidate)
            {
                continue;
            }
            if (candidate.Kind == PostalKind.CanadianFull ||
                tokens.SegmentStart(candidate.Start) == candidate.Start ||
                RegionWords.TryMatchEndingAt(tokens, candidate.Start - 1, out _, out _))
            {
                return candidate;
            }
        }
        return null;
    }

    /// <summary>The postal code whose last token is <paramref name="last"/>, by shape only.</summary>
    public static PostalCandidate? Match(TokenView tokens, int last)
    {
        var word = tokens[last];
        var hasPrevious = last > 0 && tokens.Segment(last - 1) == tokens.Segment(last);
        if (IsDigits(word, 5) || IsDigits(word, 9))
        {
            return new PostalCandidate(PostalKind.UsZip, last, last);
        }
        if (IsDigits(word, 4) && hasPrevious && IsDigits(tokens[last - 1], 5))
        {
            return new PostalCandidate(PostalKind.UsZip, last - 1, last); // ZIP+4
        }
        if (word.Length == 6 && IsFsa(word[..3]) && IsLdu(word[3..]))
        {
            return new PostalCandidate(PostalKind.CanadianFull, last, last);
        }
        if (IsLdu(word) && hasPrevious && IsFsa(tokens[last - 1]))
        {
            return new PostalCandidate(PostalKind.CanadianFull, last - 1, last);
        }
        return IsFsa(word) ? new PostalCandidate(PostalKind.CanadianPrefix, last, last) : null;
    }

    private static bool IsDigits(ReadOnlySpan<char> word, int length) =>
        word.Length == length && !word.ContainsAnyExceptInRange('0', '9');

    // Canada Post: letter-digit-letter, first letter never D F I O Q U W Z, later letters never D F I O Q U.
    private static bool IsFsa(ReadOnlySpan<char> w) =>
        w.Length == 3 && "abceghjklmnprstvxy".Contains(w[0]) && char.IsAsciiDigit(w[1]) && IsPostalLetter(w[2]);

    private static bool IsLdu(ReadOnlySpan<char> w) =>
        w.Length == 3 && char.IsAsciiDigit(w[0]) && IsPostalLetter(w[1]) && char.IsAsciiDigit(w[2]);

    private static bool IsPostalLetter(char c) => char.IsAsciiLetterLower(c) && "dfioqu".IndexOf(c) < 0;
}
