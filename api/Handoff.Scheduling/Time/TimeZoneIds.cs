using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using NodaTime;
using NodaTime.TimeZones;

namespace Handoff.Scheduling.Time;

/// <summary>
/// Resolves the zone ids people and systems send: IANA ids (canonical or legacy links such as
/// "Asia/Calcutta"), Windows ids as Outlook and Graph send them ("Pacific Standard Time"), and Graph's
/// decorated IANA names ("Europe/Kyiv (Kiev)"). Everything resolves to one canonical IANA zone.
/// </summary>
public static class TimeZoneIds
{
    private static readonly TzdbDateTimeZoneSource Source = TzdbDateTimeZoneSource.Default;
    private static readonly IDateTimeZoneProvider Provider = DateTimeZoneProviders.Tzdb;
    private static readonly ConcurrentDictionary<string, DateTimeZone?> Cache = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, string> IanaIgnoringCase =
        Source.CanonicalIdMap.Keys.ToDictionary(k => k, k => k, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, string> WindowsIgnoringCase =
        Source.WindowsMapping.PrimaryMapping.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>Resolves an IANA or Windows zone id; false for null, blank or unknown ids.</summary>
    public static bool TryResolve(string? id, [NotNullWhen(true)] out DateTimeZone? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }
        zone = Cache.GetOrAdd(id, Lookup);
        return zone is not null;
    }

    /// <summary>Resolves or throws <see cref="ArgumentException"/>; for ids that were validated already.</summary>
    public static DateTimeZone Resolve(string id) =>
        TryResolve(id, out var zone) ? zone : throw new ArgumentException($"Unknown time zone id '{id}'.", nameof(id));

    public static bool IsValid(string? id) => TryResolve(id, out _);

    private static DateTimeZone? Lookup(string raw)
    {
        var id = raw.Trim();
        // Graph lists some IANA names with a legacy alias in brackets: "Europe/Kyiv (Kiev)".
        var bracket = id.IndexOf(" (", StringComparison.Ordinal);
        if (bracket > 0 && id.EndsWith(')'))
        {
            id = id[..bracket];
        }
        if (id.Equals("tzone://Microsoft/Utc", StringComparison.OrdinalIgnoreCase) ||
            id.Equals("UTC", StringComparison.OrdinalIgnoreCase) ||
            id.Equals("Z", StringComparison.OrdinalIgnoreCase))
        {
            return DateTimeZone.Utc;
        }
        if (IanaIgnoringCase.TryGetValue(id, out var iana))
        {
            return Canonical(iana);
        }
        if (WindowsIgnoringCase.TryGetValue(id, out var mapped))
        {
            return Canonical(mapped);
        }
        return null;
    }

    private static DateTimeZone? Canonical(string ianaId)
    {
        var canonical = Source.CanonicalIdMap.TryGetValue(ianaId, out var c) ? c : ianaId;
        return Provider.GetZoneOrNull(canonical);
    }
}
