using System.Globalization;
using System.Text.RegularExpressions;

namespace Handoff.Api.Infrastructure;

/// <summary>
/// Keeps a 400 small whatever the body: at most <see cref="PerField"/> entries per field (attendees[0] … attendees[9]
/// for "attendees"), then one line saying how many more there are; each message cut to <see cref="MessageLength"/>
/// characters (a message may quote the bad value). A 1.5 MB body of 300,000 bad attendees answers in about 2 KB.
/// </summary>
public static partial class BoundedErrors
{
    public const int PerField = 10;
    public const int MessageLength = 300;

    public static void Bound(IDictionary<string, string[]> errors)
    {
        var overflow = new Dictionary<string, int>(StringComparer.Ordinal);
        var kept = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in errors.Keys.ToArray())
        {
            var field = Indexes().Replace(key, "");
            var seen = kept.GetValueOrDefault(field);
            if (seen >= PerField)
            {
                errors.Remove(key);
                overflow[field] = overflow.GetValueOrDefault(field) + 1;
                continue;
            }
            kept[field] = seen + 1;
            var messages = errors[key];
            if (messages.Length > PerField || messages.Any(m => m.Length > MessageLength))
            {
                errors[key] = messages.Take(PerField).Select(Cut).ToArray();
            }
        }
        foreach (var (field, more) in overflow)
        {
            var line = string.Create(CultureInfo.InvariantCulture,
                $"…and {more:N0} more errors in '{field}' (only the first {PerField} are listed; fix these and send again).");
            errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, line] : [line];
        }
    }

    private static string Cut(string message) => message.Length <= MessageLength ? message : string.Concat(message.AsSpan(0, MessageLength - 1), "…");

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Indexes();
}
