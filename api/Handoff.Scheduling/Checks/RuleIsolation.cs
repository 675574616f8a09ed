using NodaTime;

namespace Handoff.Scheduling.Checks;

/// <summary>
/// One bad RSM (a profile no rule foresaw) must never turn a whole check into a 500: a rule that throws is run
/// again for each RSM alone, so the others are still checked, and each part that failed becomes a
/// <c>CHECK_INCOMPLETE</c> warning naming who was not checked. The verdict is then at least "review".
/// </summary>
internal static class RuleIsolation
{
    public static void Evaluate(ICheckRule rule, MeetingDraft draft, Instant now, List<Warning> warnings)
    {
        // The rule writes straight into the check's list (no list per rule); what it wrote before throwing is taken back.
        var before = warnings.Count;
        try
        {
            rule.Evaluate(draft, now, warnings);
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            warnings.RemoveRange(before, warnings.Count - before);
            if (draft.Rsms.Count == 0)
            {
                warnings.Add(Incomplete(rule, PartyRef.Organizer, "this meeting", e));
                return;
            }
        }
        var found = new List<Warning>();
        foreach (var rsm in draft.Rsms)
        {
            found.Clear();
            try
            {
                rule.Evaluate(draft with { Rsms = [rsm] }, now, found);
                foreach (var w in found.Where(w => w.Party.Kind == PartyKind.Rsm || rsm == draft.Rsms[0]))
                {
                    warnings.Add(w);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                warnings.Add(Incomplete(rule, new PartyRef(PartyKind.Rsm, rsm.Profile.Email), rsm.Name, e));
            }
        }
    }

    private static Warning Incomplete(ICheckRule rule, PartyRef party, string who, Exception e) =>
        new(WarningCodes.CheckIncomplete, Severity.Warning, party,
            $"Handoff could not finish the {Describe(rule)} check for {who} ({e.GetType().Name}); check it by hand before sending.");

    private static string Describe(ICheckRule rule) => rule.GetType().Name.Replace("Rule", "", StringComparison.Ordinal) switch
    {
        "DstShift" => "daylight-saving",
        "DifferentDay" => "date",
        "ProspectHours" => "prospect's hours",
        "RsmCalendar" => "calendar",
        "MeetingTiming" => "timing",
        var other => other.ToLowerInvariant(),
    };
}
