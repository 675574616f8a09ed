using NodaTime;

namespace Handoff.Scheduling.Org;

/// <summary>
/// How an RSM travels between in-person meetings: average door-to-door driving speed, buffers before and
/// after each in-person meeting, the longest drive they accept before flying instead, and the typical wait in
/// the lobby at the destination (a property of the place, so it comes from region and territory profiles).
/// </summary>
public sealed record TravelProfile(double AverageSpeedKmh, Duration BufferBefore, Duration BufferAfter, Duration LongestDrive, Duration LobbyWait = default)
{
    public static TravelProfile Default { get; } =
        new(AverageSpeedKmh: 70, BufferBefore: Duration.FromMinutes(10), BufferAfter: Duration.FromMinutes(10), LongestDrive: Duration.FromHours(4));
}
