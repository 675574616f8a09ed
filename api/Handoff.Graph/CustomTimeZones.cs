using System.Collections.Concurrent;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace Handoff.Graph;

/// <summary>
/// Builds an exact zone from Graph's customTimeZone. The rules become a BCL adjustment rule (the same
/// SYSTEMTIME-style floating dates Windows and Exchange use) and NodaTime converts that into its own
/// standard/daylight alternating map, so DST transitions fall on the right instants every year.
/// </summary>
internal static class CustomTimeZones
{
    private static readonly ConcurrentDictionary<CustomZoneRules, DateTimeZone> Built = new();
    private static readonly OffsetPattern OffsetText = OffsetPattern.CreateWithInvariantCulture("+HH:mm");

    public static DateTimeZone Build(CustomZoneRules rules) => Built.GetOrAdd(rules, Create);

    private static DateTimeZone Create(CustomZoneRules rules)
    {
        var standardOffset = TimeSpan.FromMinutes(-rules.Bias);
        var id = $"Custom UTC{OffsetText.Format(Offset.FromTimeSpan(standardOffset))}";
        if (!HasDaylightTime(rules))
        {
            return DateTimeZone.ForOffset(Offset.FromTimeSpan(standardOffset));
        }
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
            DateTime.MinValue.Date,
            DateTime.MaxValue.Date,
            TimeSpan.FromMinutes(-rules.DaylightBias),
            Floating(rules.Daylight!),
            Floating(rules.Standard!));
        var info = TimeZoneInfo.CreateCustomTimeZone(id, standardOffset, id, id, $"{id} daylight", [rule]);
        return BclDateTimeZone.FromTimeZoneInfo(info);
    }

    /// <summary>No transitions (month 0 or missing) or no daylight bias mean a fixed offset.</summary>
    private static bool HasDaylightTime(CustomZoneRules rules) =>
        rules.DaylightBias != 0 &&
        rules.Standard is { Month: >= 1 and <= 12 } &&
        rules.Daylight is { Month: >= 1 and <= 12 };

    private static TimeZoneInfo.TransitionTime Floating(ZoneTransitionRule t)
    {
        var time = new DateTime(1, 1, 1).AddTicks(t.TimeOfDay);
        return TimeZoneInfo.TransitionTime.CreateFloatingDateRule(time, t.Month, Math.Clamp(t.Occurrence, 1, 5), BclDayOfWeek(t.Day));
    }

    private static DayOfWeek BclDayOfWeek(IsoDayOfWeek day) => day == IsoDayOfWeek.Sunday ? DayOfWeek.Sunday : (DayOfWeek)(int)day;
}
