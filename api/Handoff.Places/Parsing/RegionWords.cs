using System.Diagnostics.CodeAnalysis;

namespace Handoff.Places.Parsing;

/// <summary>Recognises a region ("CA", "California", "British Columbia", "B.C.") in tokens ending at a given one.</summary>
internal static class RegionWords
{
    /// <summary>Longest region name (or a 2-letter code) whose words end at token <paramref name="last"/>, within one segment.</summary>
    public static bool TryMatchEndingAt(TokenView tokens, int last, [NotNullWhen(true)] out Region? region, out int start)
    {
        region = null;
        start = -1;
        if (last < 0 || last >= tokens.Count)
        {
            return false;
        }
        Span<char> buffer = stackalloc char[64];
        var first = Math.Max(tokens.SegmentStart(last), last - Regions.MaxNameWords + 1);
        for (var from = first; from <= last; from++)
        {
            var words = tokens.JoinWords(from, last, buffer);
            if (Regions.TryGetByWords(words, out region) || (from == last && words.Length == 2 && Regions.TryGetByCode(words, out region)))
            {
                start = from;
                return true;
            }
        }
        return false;
    }
}
