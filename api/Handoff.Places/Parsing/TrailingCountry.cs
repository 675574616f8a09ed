namespace Handoff.Places.Parsing;

/// <summary>Drops a trailing country: "USA", "US", "U.S.A.", "United States (of America)", "Canada".</summary>
internal static class TrailingCountry
{
    /// <summary>The end index once trailing country words are removed.</summary>
    public static int Strip(TokenView tokens, int end)
    {
        while (end > 0)
        {
            var removed = Match(tokens, end);
            if (removed == 0)
            {
                return end;
            }
            end -= removed;
        }
        return end;
    }

    private static int Match(TokenView tokens, int end)
    {
        var last = tokens[end - 1];
        if (last is "usa" or "us" or "canada")
        {
            return 1;
        }
        if (EndsWith(tokens, end, "united", "states", "of", "america"))
        {
            return 4;
        }
        if (EndsWith(tokens, end, "united", "states") || EndsWith(tokens, end, "u", "s"))
        {
            return 2;
        }
        return EndsWith(tokens, end, "u", "s", "a") ? 3 : 0;
    }

    private static bool EndsWith(TokenView tokens, int end, params ReadOnlySpan<string> words)
    {
        if (end < words.Length)
        {
            return false;
        }
        for (var i = 0; i < words.Length; i++)
        {
            if (!tokens[end - words.Length + i].SequenceEqual(words[i]))
            {
                return false;
            }
        }
        return true;
    }
}
