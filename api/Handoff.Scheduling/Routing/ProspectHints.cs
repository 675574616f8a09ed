using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;

namespace Handoff.Scheduling.Routing;

/// <summary>
/// What a check knows that helps read an ambiguous meeting place: the prospects' e-mail countries, the invited
/// RSMs' home bases, and the zones of those RSMs and of their home territories' prospects.
/// </summary>
public static class ProspectHints
{
    public static PlaceHints For(IReadOnlyList<string> prospectEmails, IReadOnlyList<RsmProfile> rsms, TerritoryResolver territories)
    {
        var zones = rsms.Select(r => r.Zone?.Id)
            .Concat(rsms.Select(r => territories.HomeTerritoryOf(r.Email)?.DefaultProspectZone?.Id))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return new PlaceHints(EmailCountries.Of(prospectEmails), rsms.Select(r => r.HomeBase).OfType<Place>().ToArray(), zones);
    }
}
