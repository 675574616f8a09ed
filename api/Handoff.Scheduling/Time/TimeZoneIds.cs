using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using NodaTime;
using NodaTime.TimeZones;

namespace Handoff.Scheduling.Time;

/// <summary>
/// Resolves the zone ids people and systems send: IANA ids, Windows ids exactly as CLDR's windowsZones maps them
/// ("Central Standard Time (Mexico)" is America/Mexico_City, not Chicago), and Graph's decorated IANA names
/// ("Europe/Kyiv (Kiev)"). Legacy aliases that CLDR lists ("Asia/Calcutta", "US/Pacific") become today's id;
/// tzdb's merge links are NOT followed, so Europe/Amsterdam stays Amsterdam (tzdb links it to Brussels).
/// </summary>
public static class TimeZoneIds
{
    private static readonly TzdbDateTimeZoneSource Source = TzdbDateTimeZoneSource.Default;
    private static readonly IDateTimeZoneProvider Provider = DateTimeZoneProviders.Tzdb;
    private static readonly ConcurrentDictionary<string, DateTimeZone?> Cache = new(StringComparer.Ordinal);

    private static readonly Lazy<Dictionary<string, string>> IanaIgnoringCase = new(() =>
        Source.CanonicalIdMap.Keys.ToDictionary(k => k, k => k, StringComparer.OrdinalIgnoreCase));

    private static readonly Lazy<Dictionary<string, string>> WindowsIgnoringCase = new(() =>
    {
        // CLDR's current table first; ids only NodaTime's (older) copy still lists are kept as a fallback.
        var map = CldrZones.Windows.ToDictionary(w => w.WindowsId, w => w.IanaId, StringComparer.OrdinalIgnoreCase);
        foreach (var (windows, iana) in Source.WindowsMapping.PrimaryMapping)
        {
            map.TryAdd(windows, iana);
        }
        return map;
    });

    private static readonly Lazy<Dictionary<string, string>> Countries = new(() =>
        (Source.ZoneLocations ?? []).GroupBy(l => l.ZoneId).ToDictionary(g => g.Key, g => g.First().CountryCode, StringComparer.Ordinal));

    /// <summary>Resolves an IANA or Windows zone id; false for null, blank or unknown ids.</summary>
    public static bool TryResolve(string? id, [NotNullWhen(true)] out DateTimeZone? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(id) || id.Length > 200)
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

    /// <summary>The ISO country of the zone (tzdb's zone.tab, "NL" for Europe/Amsterdam); null for UTC and Etc zones.</summary>
    public static string? CountryOf(DateTimeZone zone) => Countries.Value.GetValueOrDefault(zone.Id);

    private static DateTimeZone? Lookup(string raw)
    {
        var id = raw.Trim();
        if (id.Equals("tzone://Microsoft/Utc", StringComparison.OrdinalIgnoreCase) ||
            id.Equals("UTC", StringComparison.OrdinalIgnoreCase) ||
            id.Equals("Z", StringComparison.OrdinalIgnoreCase))
        {
            return DateTimeZone.Utc;
        }
        // Windows ids first and whole: several carry a parenthesis that is part of the id.
        if (WindowsIgnoringCase.Value.TryGetValue(id, out var mapped))
        {
            return Iana(mapped);
        }
        if (Iana(id) is { } zone)
        {
            return zone;
        }
        // Graph lists some IANA names with a legacy alias in brackets: "Europe/Kyiv (Kiev)".
        var bracket = id.IndexOf(" (", StringComparison.Ordinal);
        return bracket > 0 && id.EndsWith(')') ? Iana(id[..bracket]) : null;
    }

    private static DateTimeZone? Iana(string id)
    {
        if (!IanaIgnoringCase.Value.TryGetValue(id, out var exact))
        {
            return null;
        }
        var preferred = CldrZones.Find(exact)?.Id ?? exact;
        return Provider.GetZoneOrNull(preferred) ?? Provider.GetZoneOrNull(exact);
    }
}
