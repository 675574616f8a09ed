namespace Handoff.Places.Text;

/// <summary>A word of the normalised text; <see cref="Segment"/> counts the commas (and brackets, slashes, colons) before it.</summary>
internal readonly record struct Token(int Start, int Length, int Segment);

/// <summary>
/// Splits location text into lower-case words (Latin folded to ASCII, other scripts kept) without allocating for ASCII input: "Fresno, CA 93706-1234"
/// → fresno | ca 93706 1234 (two segments). Accented input is folded first (<see cref="PlaceText.FoldAccents"/>).
/// </summary>
internal static class Tokenizer
{
    public const int MaxChars = 512;
    public const int MaxTokens = 96;

    /// <summary>Writes normalised characters to <paramref name="chars"/> and words to <paramref name="tokens"/>; returns the word count.</summary>
    public static int Tokenize(ReadOnlySpan<char> input, Span<char> chars, Span<Token> tokens)
    {
        if (!System.Text.Ascii.IsValid(input))
        {
            input = PlaceText.FoldAccents(input[..Math.Min(input.Length, MaxChars)].ToString());
        }
        input = input[..Math.Min(input.Length, Math.Min(MaxChars, chars.Length))];
        var count = 0;
        var segment = 0;
        var start = -1;
        var length = 0;
        for (var i = 0; i <= input.Length && count < tokens.Length; i++)
        {
            var c = i < input.Length ? input[i] : ' ';
            if (PlaceText.IsWordChar(c))
            {
                if (start < 0)
                {
                    start = length;
                }
                chars[length++] = char.ToLowerInvariant(c);
                continue;
            }
            if (start >= 0)
            {
                tokens[count++] = new Token(start, length - start, segment);
                start = -1;
            }
            if (c is ',' or '(' or ')' or '/' or ':' or '[' or ']')
            {
                segment++;
            }
        }
        return count;
    }
}
