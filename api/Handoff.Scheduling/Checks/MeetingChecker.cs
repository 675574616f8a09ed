using Handoff.Scheduling.Checks.Rules;
using NodaTime;

namespace Handoff.Scheduling.Checks;

/// <summary>Runs every rule over a draft and gives the verdict, local times and warnings.</summary>
public sealed class MeetingChecker(IEnumerable<ICheckRule> rules)
{
    private readonly ICheckRule[] _rules = rules.ToArray();

    /// <summary>The rules of the time-zone and calendar checks.</summary>
    public static IReadOnlyList<ICheckRule> CoreRules { get; } =
    [
        new MeetingTimingRule(),
        new ProspectZoneRule(),
        new ProspectHoursRule(),
        new RsmCalendarRule(),
        new DifferentDayRule(),
        new DstShiftRule(),
        new PublicHolidayRule(),
    ];

    public MeetingChecker() : this(CoreRules)
    {
    }

    public CheckResult Evaluate(MeetingDraft draft, Instant now)
    {
        var warnings = new List<Warning>();
        foreach (var rule in _rules)
        {
            RuleIsolation.Evaluate(rule, draft, now, warnings);
        }
        // Most serious first, then in the order the rules found them.
        var ordered = warnings.Select((w, i) => (w, i)).OrderByDescending(x => x.w.Severity).ThenBy(x => x.i).Select(x => x.w).ToArray();
        return new CheckResult(CheckResult.VerdictOf(ordered), TimesOf(draft), ordered, draft);
    }

    public static IReadOnlyList<PartyTime> TimesOf(MeetingDraft draft)
    {
        var times = new List<PartyTime>(2 + draft.Rsms.Count)
        {
            PartyTime.For(new PartyRef(PartyKind.Organizer, draft.OrganizerEmail), draft.OrganizerZone, draft.Meeting),
        };
        if (draft.Prospect.Zone is { } prospectZone)
        {
            times.Add(PartyTime.For(new PartyRef(PartyKind.Prospect, draft.Prospect.Emails.FirstOrDefault()), prospectZone, draft.Meeting));
        }
        times.AddRange(draft.Rsms.Select(r => PartyTime.For(new PartyRef(PartyKind.Rsm, r.Profile.Email), r.Zone, draft.Meeting)));
        return times;
    }
}
