namespace Handoff.Scheduling.Places;

/// <summary>
/// The country an e-mail domain names: "buyer@acme.co.uk" → GB, "cfo@firma.de" → DE, "ops@x.com.au" → AU.
/// Generic domains (.com, .org) name none, and neither do the country domains sold worldwide as brands (.io,
/// .ai, .co, .me, .tv…): a startup at acme.io is no sign of the British Indian Ocean Territory.
/// </summary>
public static class EmailCountries
{
    // Country-code domains marketed and used as generic ones; a hint from them would mislead more than help.
    private static readonly HashSet<string> Vanity = new(StringComparer.OrdinalIgnoreCase)
    {
        "io", "ai", "co", "me", "tv", "fm", "ly", "gg", "ws", "to", "cc", "so", "sh", "ac", "la", "nu", "tk", "vc",
    };

    /// <summary>The ISO 3166-1 alpha-2 code of the address's country-code domain, or null.</summary>
    public static string? Of(string? email)
    {
        var at = email?.LastIndexOf('@') ?? -1;
        if (email is null || at < 0)
        {
            return null;
        }
        var dot = email.LastIndexOf('.');
        if (dot <= at || email.Length - dot - 1 != 2)
        {
            return null;
        }
        var tld = email[(dot + 1)..].Trim();
        if (tld.Length != 2 || !char.IsAsciiLetter(tld[0]) || !char.IsAsciiLetter(tld[1]) || Vanity.Contains(tld))
        {
            return null;
        }
        // ".uk" is the UK's domain; its ISO code is GB.
        return tld.Equals("uk", StringComparison.OrdinalIgnoreCase) ? "GB" : tld.ToUpperInvariant();
    }

    /// <summary>The distinct countries of several addresses, in order of first appearance.</summary>
    public static IReadOnlyList<string> Of(IEnumerable<string> emails) =>
        emails.Select(Of).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
}
