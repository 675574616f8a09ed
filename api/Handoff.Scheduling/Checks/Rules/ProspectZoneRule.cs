using Handoff.Scheduling.Places;
using Handoff.Scheduling.Time;
using NodaTime;

namespace Handoff.Scheduling.Checks.Rules;

/// <summary>
/// A prospect zone that is a guess is said as a warning, never passed off as a fact: an ambiguous place
/// (PROSPECT_PLACE_AMBIGUOUS, with the other readings) or a zone assumed from a territory default or an e-mail
/// domain (PROSPECT_TIME_ZONE_ASSUMED). Both keep the verdict from being ok until the SDR confirms the zone.
/// </summary>
internal sealed class ProspectZoneRule : ICheckRule
{
    public void Evaluate(MeetingDraft draft, Instant now, ICollection<Warning> warnings)
    {
        var prospect = draft.Prospect;
        if (prospect is not { Assumed: true, Zone: { } zone })
        {
            return;
        }
        var party = new PartyRef(PartyKind.Prospect, prospect.Emails.FirstOrDefault());
        if (prospect.Source == ZoneSource.Location && prospect.Place is { } place)
        {
            var others = string.Join(" or ", prospect.Alternatives.Take(3).Select(Describe));
            warnings.Add(new Warning(WarningCodes.ProspectPlaceAmbiguous, Severity.Warning, party,
                $"'{Quote(draft.Where.Text ?? place.Label)}' could be more than one place: we assumed {place.Label} ({ZoneNames.Friendly(zone)})" +
                (others.Length > 0 ? $"; it could also be {others}" : "") + ". Check where the prospect is."));
            return;
        }
        var also = prospect.Alternatives.Count > 0 ? $"; that country also has {string.Join(" and ", prospect.Alternatives.Take(3).Select(Describe))}" : "";
        warnings.Add(new Warning(WarningCodes.ProspectTimeZoneAssumed, Severity.Warning, party,
            $"We assumed {prospect.Describe()} is on {ZoneNames.Friendly(zone)} {prospect.Basis ?? "without knowing where they are"}{also}: check where they are."));
    }

    /// <summary>"London, ON (Eastern Time)".</summary>
    private static string Describe(Place place) =>
        place.Zone is { } zone ? $"{place.Label} ({ZoneNames.Friendly(zone)})" : place.Label;

    private static string Quote(string text) => text.Length <= 60 ? text.Trim() : text[..59].Trim() + "…";
}
