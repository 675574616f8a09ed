using Handoff.Places.Text;

namespace Handoff.Places.Parsing;

/// <summary>Read-only view over tokenised text, with the joins the parser needs written into caller buffers.</summary>
internal readonly ref struct TokenView
{
    private readonly ReadOnlySpan<char> chars;
    private readonly ReadOnlySpan<Token> tokens;

    public TokenView(ReadOnlySpan<char> chars, ReadOnlySpan<Token> tokens)
    {
        this.chars = chars;
        this.tokens = tokens;
    }

    public int Count => tokens.Length;

    public ReadOnlySpan<char> this[int index] => chars.Slice(tokens[index].Start, tokens[index].Length);

    public int Segment(int index) => tokens[index].Segment;

    /// <summary>Index of the first token in the segment of token <paramref name="index"/>.</summary>
    public int SegmentStart(int index)
    {
        var start = index;
        while (start > 0 && tokens[start - 1].Segment == tokens[index].Segment)
        {
            start--;
        }
        return start;
    }

    /// <summary>True when token <paramref name="index"/> is the last before <paramref name="end"/> or a segment break.</summary>
    public bool EndsSegment(int index, int end) => index == end - 1 || tokens[index + 1].Segment != tokens[index].Segment;

    /// <summary>Tokens [from, to] joined by single spaces ("new york"); empty when the buffer is too small.</summary>
    public ReadOnlySpan<char> JoinWords(int from, int to, Span<char> buffer)
    {
        var length = 0;
        for (var i = from; i <= to; i++)
        {
            var word = this[i];
            if (length + word.Length + 1 > buffer.Length)
            {
                return [];
            }
            if (i > from)
            {
                buffer[length++] = ' ';
            }
            word.CopyTo(buffer[length..]);
            length += word.Length;
        }
        return buffer[..length];
    }

    /// <summary>City key of tokens [from, to] ("saintlouis"), then "|" and <paramref name="region"/> if given.</summary>
    public ReadOnlySpan<char> JoinCityKey(int from, int to, ReadOnlySpan<char> region, Span<char> buffer)
    {
        var length = 0;
        for (var i = from; i <= to; i++)
        {
            var word = PlaceText.Expand(this[i]);
            if (length + word.Length + region.Length + 1 > buffer.Length)
            {
                return [];
            }
            word.CopyTo(buffer[length..]);
            length += word.Length;
        }
        if (!region.IsEmpty)
        {
            buffer[length++] = '|';
            region.CopyTo(buffer[length..]);
            length += region.Length;
        }
        return buffer[..length];
    }
}
