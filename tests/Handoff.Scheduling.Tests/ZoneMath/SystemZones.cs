using Handoff.Scheduling.Time;
using NodaTime;

namespace Handoff.Scheduling.Tests.ZoneMath;

/// <summary>
/// The independent side of the zone property test: the operating system's tz database read through
/// <see cref="TimeZoneInfo"/> (Debian's tzdata on Linux), compared with the app's NodaTime zones.
/// <para>
/// The two copies of the tz database are different releases, so a few zones have different rules in the tested
/// years (a country that changed its clocks after the older release). Those are found here by comparing every
/// offset the two give in the window, not listed by hand, and the test skips and counts them.
/// </para>
/// </summary>
internal static class SystemZones
{
    /// <summary>One tzdb id known to both sides, as the app resolves it and as the system does.</summary>
    public sealed record Pair(string Id, DateTimeZone Noda, TimeZoneInfo System);

    /// <summary>How the whole tzdb list split: zones to test, and zones left out with why.</summary>
    public sealed record Census(IReadOnlyList<Pair> Agreeing, IReadOnlyList<string> RulesDiffer,
        IReadOnlyList<string> UnknownToSystem, IReadOnlyList<string> RefusedByApp);

    public static Census Take(Instant from, Instant to)
    {
        var agreeing = new List<Pair>();
        var differ = new List<string>();
        var unknown = new List<string>();
        var refused = new List<string>();
        foreach (var id in DateTimeZoneProviders.Tzdb.Ids)
        {
            if (!TimeZoneIds.TryResolve(id, out var noda))
            {
                refused.Add(id);
                continue;
            }
            if (!TryFindSystem(id, out var system))
            {
                unknown.Add(id);
                continue;
            }
            if (Agree(noda, system, from, to))
            {
                agreeing.Add(new Pair(id, noda, system));
            }
            else
            {
                differ.Add(id);
            }
        }
        return new Census(agreeing, differ, unknown, refused);
    }

    /// <summary>The system's offset at an instant, in seconds.</summary>
    public static int OffsetSeconds(TimeZoneInfo zone, Instant at) =>
        (int)zone.GetUtcOffset(ToOffset(at)).TotalSeconds;

    /// <summary>The system's local wall time at an instant.</summary>
    public static DateTime LocalAt(TimeZoneInfo zone, Instant at) => TimeZoneInfo.ConvertTime(ToOffset(at), zone).DateTime;

    private static DateTimeOffset ToOffset(Instant at) => DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());

    private static bool TryFindSystem(string id, out TimeZoneInfo zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            zone = TimeZoneInfo.Utc;
            return false;
        }
    }

    /// <summary>
    /// Same offset at every NodaTime transition in the window (and the second before it, so a change at another
    /// hour shows), and twice a day between them (so a transition only the system knows shows).
    /// </summary>
    private static bool Agree(DateTimeZone noda, TimeZoneInfo system, Instant from, Instant to)
    {
        bool Same(Instant at) => noda.GetUtcOffset(at).Seconds == OffsetSeconds(system, at);
        foreach (var interval in noda.GetZoneIntervals(from, to))
        {
            if (interval.HasStart && interval.Start > from && (!Same(interval.Start) || !Same(interval.Start - Duration.FromSeconds(1))))
            {
                return false;
            }
        }
        for (var at = from; at < to; at += Duration.FromHours(12))
        {
            if (!Same(at))
            {
                return false;
            }
        }
        return true;
    }
}
