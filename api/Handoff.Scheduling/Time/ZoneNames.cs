using NodaTime;

namespace Handoff.Scheduling.Time;

/// <summary>Names of zones as people say them: "Pacific Time", "Berlin time".</summary>
public static class ZoneNames
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["America/Los_Angeles"] = "Pacific Time",
        ["America/Vancouver"] = "Pacific Time",
        ["America/Tijuana"] = "Pacific Time",
        ["America/Denver"] = "Mountain Time",
        ["America/Edmonton"] = "Mountain Time",
        ["America/Boise"] = "Mountain Time",
        ["America/Phoenix"] = "Arizona time",
        ["America/Chicago"] = "Central Time",
        ["America/Winnipeg"] = "Central Time",
        ["America/Regina"] = "Saskatchewan time",
        ["America/Mexico_City"] = "Mexico City time",
        ["America/New_York"] = "Eastern Time",
        ["America/Detroit"] = "Eastern Time",
        ["America/Toronto"] = "Eastern Time",
        ["America/Indiana/Indianapolis"] = "Eastern Time",
        ["America/Halifax"] = "Atlantic Time",
        ["America/St_Johns"] = "Newfoundland time",
        ["America/Anchorage"] = "Alaska time",
        ["Pacific/Honolulu"] = "Hawaii time",
        ["Etc/UTC"] = "UTC",
        ["UTC"] = "UTC",
        ["Asia/Kolkata"] = "India time",
    };

    /// <summary>A short, familiar name for the zone.</summary>
    public static string Friendly(DateTimeZone zone)
    {
        if (Known.TryGetValue(zone.Id, out var name))
        {
            return name;
        }
        var slash = zone.Id.LastIndexOf('/');
        var city = (slash >= 0 ? zone.Id[(slash + 1)..] : zone.Id).Replace('_', ' ');
        return $"{city} time";
    }
}
