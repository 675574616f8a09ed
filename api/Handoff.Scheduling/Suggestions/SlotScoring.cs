using NodaTime;

namespace Handoff.Scheduling.Suggestions;

/// <summary>What made a slot better than plain free time.</summary>
[Flags]
public enum SlotFit : byte
{
    None = 0,
    /// <summary>Right before or after an in-person appointment of the RSM near the meeting place ("down the street").</summary>
    NearMeeting = 1,
    /// <summary>On a day the RSM's field plan puts them near the meeting place.</summary>
    FieldPlan = 2,
    /// <summary>Next to an appointment Handoff cannot place (or a private one): travel to or from it is not verified.</summary>
    Unchecked = 4,
    /// <summary>At a weekday and hour the prospect's meetings are held more often than overall (<see cref="HeldRates"/>).</summary>
    HeldWell = 8,
}

/// <summary>A slot that passed the sweep, before reasons are written.</summary>
public readonly record struct SlotCandidate(int Team, Instant Start, int Score, int Day, SlotFit Fit, RsmRole Role);

/// <summary>
/// The ranking. Score = wait + role penalty + travel − fit bonus, in minutes, lower is better:
/// <list type="bullet">
/// <item>wait: minutes from the start of the window to the slot, counting only the organizer's business
/// days (business-day index × 1440 + minutes since local midnight), so the earliest slot comes first;</item>
/// <item>role: invited RSM 0, territory owner +120, vertical specialist +180, another RSM of the territory
/// +240; an alternative RSM must be free hours earlier to outrank the one on the invite;</item>
/// <item>travel: the minutes of the trip to the meeting (from the previous stop, or from home), so an RSM who is
/// already close wins over one who must drive or fly; +240 when a neighbouring appointment cannot be placed, as
/// the trip around it is not verified;</item>
/// <item>fit: "down the street" (an in-person appointment within <c>NearbyKm</c>, ending or starting within
/// <see cref="Adjacent"/> of the slot) −2880, so it beats a plain slot up to two business days earlier: it saves
/// the RSM a trip; a field plan near the meeting place −1440 (one business day); the larger bonus only.</item>
/// </list>
/// Ties: earlier start, better role, then the team's order. The final list keeps at most
/// <see cref="PerRsmPerDay"/> slots per RSM per day, at least <see cref="Spacing"/> apart, so the SDR sees choices.
/// </summary>
public static class SlotScoring
{
    public const int MinutesPerDay = 1440;
    public const int NearMeetingBonus = 2 * MinutesPerDay;
    public const int FieldPlanBonus = MinutesPerDay;
    public const int PerRsmPerDay = 2;
    public const int UncheckedPenalty = 240;

    public static readonly Duration Adjacent = Duration.FromHours(2);
    public static readonly Duration Spacing = Duration.FromHours(2);

    public static int RolePenalty(RsmRole role) => role switch
    {
        RsmRole.Invited => 0,
        RsmRole.Owner => 120,
        RsmRole.Specialist => 180,
        _ => 240,
    };

    public static int Bonus(SlotFit fit) =>
        (fit & SlotFit.NearMeeting) != 0 ? NearMeetingBonus : (fit & SlotFit.FieldPlan) != 0 ? FieldPlanBonus : 0;

    public static int Score(int day, int minuteOfDay, RsmRole role, SlotFit fit, int tripMinutes) =>
        day * MinutesPerDay + minuteOfDay + RolePenalty(role) + tripMinutes + ((fit & SlotFit.Unchecked) != 0 ? UncheckedPenalty : 0) - Bonus(fit);

    public static int Compare(SlotCandidate a, SlotCandidate b)
    {
        var c = a.Score.CompareTo(b.Score);
        if (c == 0)
        {
            c = a.Start.CompareTo(b.Start);
        }
        if (c == 0)
        {
            c = a.Role.CompareTo(b.Role);
        }
        return c != 0 ? c : a.Team.CompareTo(b.Team);
    }
}
