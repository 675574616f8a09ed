using System.Text.RegularExpressions;

namespace Handoff.Places.Parsing;

/// <summary>
/// Recognises online meetings: a meeting link or any bare URL except a map link, a provider's name (Teams, Zoom,
/// Webex, Google Meet, …) or words such as "online", "virtual", "call", "phone", "dial-in".
/// </summary>
internal static partial class OnlineMeetings
{
    public static bool IsOnline(ReadOnlySpan<char> text)
    {
        foreach (var match in Url().EnumerateMatches(text))
        {
            if (!MapLink().IsMatch(text.Slice(match.Index, match.Length)))
            {
                return true;
            }
        }
        return Words().IsMatch(text);
    }

    /// <summary>
    /// The text with URLs blanked out, so a link's words and numbers ("zoom.us/j/123456789") are not read as an
    /// address. Allocates only when the text has a URL.
    /// </summary>
    public static string WithoutUrls(string text) =>
        text.Contains("://", StringComparison.Ordinal) || text.Contains("www.", StringComparison.OrdinalIgnoreCase)
            ? Url().Replace(text, " ")
            : text;

    [GeneratedRegex(@"\b(?:https?://|www\.)\S+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Url();

    [GeneratedRegex(@"^(?:https?://)?(?:www\.)?(?:maps\.google\.[a-z.]+|google\.[a-z.]+/maps|goo\.gl/maps|maps\.app\.goo\.gl|bing\.com/maps|maps\.apple\.com|(?:www\.)?openstreetmap\.org)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MapLink();

    [GeneratedRegex("""
        \b(?:
            (?:microsoft\s+)?teams | zoom | webex | google\s+meet | hangouts | skype | gotomeeting | go\s*to\s*meeting
          | bluejeans | ringcentral | (?:amazon\s+)?chime | whereby | jitsi | slack\s+huddle
          | meet\.google\.com | teams\.microsoft\.com | teams\.live\.com | zoom\.us | webex\.com | gotomeet(?:ing)?\.com
          | online | virtual(?:ly)? | remote(?:ly)? | video(?:\s*(?:call|conference|chat))?
          | web\s*(?:conference|meeting|call) | dial[\s-]*in | conference\s+(?:call|line|bridge)
          | (?:tele)?phone | call
        )\b
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Words();
}
