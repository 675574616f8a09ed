using System.Collections.Concurrent;
using NodaTime;

namespace Handoff.Scheduling.Time;

/// <summary>
/// Names of zones as people know them, from CLDR's English metazone names and exemplar cities:
/// "Central European Time (Amsterdam)", "India Standard Time (Kolkata)", "Mountain Time (Phoenix)".
/// A US zone that is its metazone's reference zone reads short ("Pacific Time", "Eastern Time"): that is how
/// US SDRs, the main readers, say it, and the README's examples read so; every other zone names its city, so a
/// zone that shares a name but not the rules (Phoenix has no DST) is never mistaken for another.
/// </summary>
public static class ZoneNames
{
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    /// <summary>A familiar name for the zone, as the zone was given (tzdb links are not followed).</summary>
    public static string Friendly(DateTimeZone zone) =>
        Cache.TryGetValue(zone.Id, out var name) ? name : Cache.GetOrAdd(zone.Id, static (_, z) => Name(z), zone);

    /// <summary>The name inside a message's parentheses: "Central European Time, Amsterdam" (no nested brackets).</summary>
    public static string InParentheses(DateTimeZone zone)
    {
        var name = Friendly(zone);
        var open = name.IndexOf(" (", StringComparison.Ordinal);
        return open > 0 && name.EndsWith(')') ? $"{name[..open]}, {name[(open + 2)..^1]}" : name;
    }

    private static string Name(DateTimeZone zone)
    {
        if (zone.Id is "UTC" or "Etc/UTC")
        {
            return "UTC";
        }
        if (CldrZones.Find(zone.Id) is not { } cldr)
        {
            var slash = zone.Id.LastIndexOf('/');
            return $"{(slash >= 0 ? zone.Id[(slash + 1)..] : zone.Id).Replace('_', ' ')} time";
        }
        if (cldr.MetazoneName is not { } name)
        {
            return $"{cldr.City} time";
        }
        return cldr.Golden && TimeZoneIds.CountryOf(zone) == "US" ? name : $"{name} ({cldr.City})";
    }
}
