using System.Globalization;
using System.Text.RegularExpressions;
using Handoff.Scheduling.Places;

namespace Handoff.Places.Parsing;

/// <summary>Decimal coordinates as admins paste them: "36.74,-119.78", "36.74, -119.78", "(36.74 -119.78)".</summary>
internal static partial class Coordinates
{
    public static bool TryParse(ReadOnlySpan<char> text, out GeoPoint point)
    {
        point = default;
        if (!Pair().IsMatch(text))
        {
            return false;
        }
        var pair = text.Trim().Trim("()").Trim();
        var separator = pair.IndexOfAny(',', ' ', ';');
        if (double.TryParse(pair[..separator], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) &&
            double.TryParse(pair[(separator + 1)..].TrimStart(", ;"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) &&
            GeoPoint.IsValid(lat, lon))
        {
            point = new GeoPoint(lat, lon);
            return true;
        }
        return false;
    }

    // Both numbers need a decimal point, so "12, 34" (a street number and a suite) is not a coordinate.
    [GeneratedRegex(@"^\s*\(?\s*[-+]?\d{1,2}\.\d+\s*[,; ]\s*[-+]?\d{1,3}\.\d+\s*\)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pair();
}
