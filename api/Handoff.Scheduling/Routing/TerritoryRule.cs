using Handoff.Scheduling.Checks;
using NodaTime;

namespace Handoff.Scheduling.Routing;

/// <summary>
/// Routing hints: the meeting place lies in a territory none of the invited RSMs is assigned to (a warning
/// naming the owner), and another RSM specialises in the prospect's vertical (an info).
/// </summary>
public sealed class TerritoryRule : ICheckRule
{
    public void Evaluate(MeetingDraft draft, Instant now, ICollection<Warning> warnings)
    {
        var match = draft.Territory;
        var territories = draft.Territories;
        if (match is { Territory: { } territory, Owner: { } owner, Place: { } place } && draft.Rsms.Count > 0 &&
            !draft.Rsms.Any(r => territories.IsAssigned(territory, r.Profile.Email)))
        {
            var invited = string.Join(" and ", draft.Rsms.Select(r => r.Name));
            warnings.Add(new Warning(WarningCodes.OutsideTerritory, Severity.Warning, new PartyRef(PartyKind.Rsm, draft.Rsms[0].Profile.Email),
                $"{place.Label} belongs to {owner.DisplayName}, not {invited}: {match.ExplanationInSentence}."));
        }

        if (draft.Vertical is not { } vertical || draft.Rsms.Any(r => r.Profile.Specialises(vertical)))
        {
            return;
        }
        var specialist = match?.Owner is { } o && o.Specialises(vertical) ? o : match?.Specialist;
        specialist ??= draft.Org.Rsms.Where(r => r.Active && r.Specialises(vertical)).OrderBy(r => r.Email, StringComparer.OrdinalIgnoreCase).FirstOrDefault();
        if (specialist is null)
        {
            return;
        }
        var covers = match?.Territory is { } t && territories.IsAssigned(t, specialist.Email) ? $" and covers territory {t.Name}" : "";
        warnings.Add(new Warning(WarningCodes.VerticalSpecialist, Severity.Info, PartyRef.Organizer,
            $"{specialist.DisplayName} ({specialist.Email}) specialises in {vertical}{covers}; consider inviting them or handing the meeting over."));
    }
}
