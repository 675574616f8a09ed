using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Org;
using NodaTime;

namespace Handoff.Scheduling.Routing;

/// <summary>
/// Routing hints: the meeting place lies in a territory none of the invited RSMs is assigned to (a warning
/// naming the owner), or — in a round-robin or performance territory — the invited RSMs are in the pool but the
/// mode picks another one (a warning naming the picked RSM and why) or picks the invited one (an info saying why); and another RSM specialises in the
/// prospect's vertical (an info).
/// </summary>
public sealed class TerritoryRule : ICheckRule
{
    private static string ModeName(Modes.AssignmentMode mode) => Modes.PickText.ModeName(mode);

    public void Evaluate(MeetingDraft draft, Instant now, ICollection<Warning> warnings)
    {
        var match = draft.Territory;
        var territories = draft.Territories;
        if (match is { Territory: { } territory, Owner: { } owner, Place: { } place } && draft.Rsms.Count > 0 &&
            !draft.Rsms.Any(r => territories.IsAssigned(territory, r.Profile.Email)))
        {
            var invited = string.Join(" and ", draft.Rsms.Select(r => r.Name));
            warnings.Add(new Warning(WarningCodes.OutsideTerritory, Severity.Warning, new PartyRef(PartyKind.Rsm, draft.Rsms[0].Profile.Email),
                $"{place.Label} belongs to {owner.DisplayName}, not {invited}: {match.ExplanationInSentence}."
                + (match.Pick is { } why ? $" {ModeName(why.Mode)} picks them ({why.Text})." : "")));
        }
        else if (match is { Territory: { } pooled, Owner: { } picked, Place: { } at, Pick: { } pick } && draft.Rsms.Count > 0 &&
                 !draft.Rsms.Any(r => r.Profile.Address == picked.Address))
        {
            var invited = string.Join(" and ", draft.Rsms.Select(r => r.Name));
            warnings.Add(new Warning(WarningCodes.OutsideTerritory, Severity.Warning, new PartyRef(PartyKind.Rsm, draft.Rsms[0].Profile.Email),
                $"{pooled.Name} hands {at.Label} out by {ModeName(pick.Mode).ToLowerInvariant()}: this lead goes to {picked.DisplayName}, not {invited} ({pick.Text})."));
        }
        else if (match is { Territory: { } fair, Owner: { } chosen, Place: { } where, Pick: { } turn } && turn.Mode != Modes.AssignmentMode.Priority && draft.Rsms.Count > 0)
        {
            // The invited RSM is the mode's pick: say why, so the SDR sees the pick explain itself, not only a mismatch.
            warnings.Add(new Warning(WarningCodes.TerritoryPick, Severity.Info, new PartyRef(PartyKind.Rsm, chosen.Email),
                $"{fair.Name} hands {where.Label} out by {ModeName(turn.Mode).ToLowerInvariant()}: {chosen.DisplayName} is next ({turn.Text})."));
        }

        if (draft.Vertical is not { } vertical || draft.Rsms.Any(r => r.Profile.Specialises(vertical)))
        {
            return;
        }
        var specialist = match?.Owner is { } o && o.Specialises(vertical) ? o : match?.Specialist;
        specialist ??= draft.Org.Rsms.Where(r => r.Active && r.Specialises(vertical)).OrderBy(r => r.Address).FirstOrDefault();
        if (specialist is null)
        {
            return;
        }
        var covers = match?.Territory is { } t && territories.IsAssigned(t, specialist.Email) ? $" and covers territory {t.Name}" : "";
        warnings.Add(new Warning(WarningCodes.VerticalSpecialist, Severity.Info, PartyRef.Organizer,
            $"{specialist.DisplayName} ({specialist.Email}) specialises in {vertical}{covers}; consider inviting them or handing the meeting over."));
    }
}
