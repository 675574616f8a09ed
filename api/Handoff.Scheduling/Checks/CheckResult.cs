using NodaTime;

namespace Handoff.Scheduling.Checks;

/// <summary>The meeting in one party's local time.</summary>
public sealed record PartyTime(PartyRef Party, DateTimeZone Zone, LocalDateTime LocalStart, LocalDateTime LocalEnd, Offset UtcOffset)
{
    public static PartyTime For(PartyRef party, DateTimeZone zone, Interval meeting)
    {
        var start = meeting.Start.InZone(zone);
        return new PartyTime(party, zone, start.LocalDateTime, meeting.End.InZone(zone).LocalDateTime, start.Offset);
    }
}

public sealed record CheckResult(Verdict Verdict, IReadOnlyList<PartyTime> Times, IReadOnlyList<Warning> Warnings, MeetingDraft Draft)
{
    public static Verdict VerdictOf(IEnumerable<Warning> warnings)
    {
        var worst = Severity.Info;
        foreach (var w in warnings)
        {
            worst = w.Severity > worst ? w.Severity : worst;
        }
        return worst switch
        {
            Severity.Blocker => Verdict.Blocked,
            Severity.Warning => Verdict.Review,
            _ => Verdict.Ok,
        };
    }
}
