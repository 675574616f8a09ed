using NodaTime;
using NodaTime.Text;

namespace Handoff.Api.Infrastructure;

/// <summary>Parses ISO 8601 instants as Office.js and people send them: "2026-12-03T15:00:00Z", "…000Z", "…-05:00".</summary>
public static class Instants
{
    private static readonly OffsetDateTimePattern Pattern = OffsetDateTimePattern.ExtendedIso;

    /// <summary>The earliest meeting time accepted: before it calendars and tz rules are history, not scheduling.</summary>
    public static readonly Instant Earliest = Instant.FromUtc(1900, 1, 1, 0, 0);

    /// <summary>The latest meeting time accepted: far enough for any plan, far from NodaTime's end of year 9999.</summary>
    public static readonly Instant Latest = Instant.FromUtc(2200, 1, 1, 0, 0);

    public static bool InRange(Instant instant) => instant >= Earliest && instant <= Latest;

    public static bool TryParse(string? text, out Instant instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var result = Pattern.Parse(text.Trim());
        if (!result.Success)
        {
            return false;
        }
        instant = result.Value.ToInstant();
        return true;
    }

    public static Instant Parse(string text) =>
        TryParse(text, out var instant) ? instant : throw new FormatException($"'{text}' is not an ISO 8601 instant.");

    public static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);
}
