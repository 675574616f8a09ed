using NodaTime;

namespace Handoff.Api.Infrastructure;

/// <summary>
/// <c>Clock:FixedInstant</c> (ISO 8601, e.g. "2026-11-23T14:00:00Z") stops the clock at that instant, so a load
/// test or a documented example gives the same answers every run. Unset in production: the wall clock.
/// </summary>
public static class ClockSetup
{
    public const string FixedInstantKey = "Clock:FixedInstant";

    /// <summary>The fixed clock when <see cref="FixedInstantKey"/> is set, else null; a bad value stops start-up naming it.</summary>
    public static IClock? FixedFrom(IConfiguration configuration)
    {
        var text = configuration[FixedInstantKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return Instants.TryParse(text, out var instant)
            ? new FixedClock(instant)
            : throw new StartupRefusedException($"{FixedInstantKey} must be an ISO 8601 instant such as 2026-11-23T14:00:00Z (got '{text}').");
    }
}

/// <summary>A clock that always reads the same instant (NodaTime's FakeClock lives in its testing package).</summary>
public sealed class FixedClock(Instant instant) : IClock
{
    public Instant GetCurrentInstant() => instant;
}
