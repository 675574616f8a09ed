using NodaTime;

namespace Handoff.Scheduling.Checks;

/// <summary>Runs every rule over a draft and gives the verdict, local times and warnings.</summary>
public sealed class MeetingChecker(IEnumerable<ICheckRule> rules)
{
    private readonly ICheckRule[] _rules = rules.ToArray();

    /// <summary>Only the time-zone and calendar rules (<see cref="RuleSet.Core"/>): for drafts that have no place.</summary>
    public MeetingChecker() : this(RuleSet.Core)
    {
    }

    /// <summary>The rules, in the order they run.</summary>
    public IReadOnlyList<ICheckRule> Rules => _rules;

    public CheckResult Evaluate(MeetingDraft draft, Instant now)
    {
        var warnings = new List<Warning>();
        foreach (var rule in _rules)
        {
            RuleIsolation.Evaluate(rule, draft, now, warnings);
        }
        var ordered = MostSeriousFirst(warnings);
        return new CheckResult(CheckResult.VerdictOf(ordered), TimesOf(draft), ordered, draft);
    }

    /// <summary>Most serious first, then in the order the rules found them (a stable insertion sort: a check has a handful).</summary>
    internal static Warning[] MostSeriousFirst(List<Warning> warnings)
    {
        var ordered = warnings.ToArray();
        for (var i = 1; i < ordered.Length; i++)
        {
            var w = ordered[i];
            var j = i - 1;
            for (; j >= 0 && ordered[j].Severity < w.Severity; j--)
            {
                ordered[j + 1] = ordered[j];
            }
            ordered[j + 1] = w;
        }
        return ordered;
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
        foreach (var r in draft.Rsms)
        {
            times.Add(PartyTime.For(new PartyRef(PartyKind.Rsm, r.Profile.Email), r.Zone, draft.Meeting));
        }
        return times;
    }
}
