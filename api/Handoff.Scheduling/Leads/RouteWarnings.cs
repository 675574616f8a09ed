using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Routing;

namespace Handoff.Scheduling.Leads;

/// <summary>What the caller of lead routing must know: every guess and every gap, in words, with a stable code.</summary>
internal static class RouteWarnings
{
    public static IEnumerable<RouteWarning> For(LeadToRoute lead, LocationMatch where, TerritoryMatch? territory, LeadPick? pick, ProspectContext prospect, IReadOnlyList<CalendarLookup> lookups)
    {
        var by = lead.Vertical is null ? "" : $" by the vertical ({lead.Vertical}) only";
        switch (where.Kind)
        {
            case LocationKind.None:
                yield return new(RouteCodes.NoPlace, $"No place was given for {lead.Email}, so no territory applies: routed{(by.Length == 0 ? " nowhere" : by)}. Send the lead's address, city or postal code.");
                break;
            case LocationKind.Online or LocationKind.Unknown:
                yield return new(RouteCodes.PlaceUnknown, $"Handoff cannot place '{lead.Location?.Trim()}' on the map, so no territory applies: routed{(by.Length == 0 ? " nowhere" : by)}. Send a postal code, \"City, ST\" or an address.");
                break;
            case LocationKind.Place when where.Ambiguous:
                yield return new(RouteCodes.PlaceAmbiguous,
                    $"'{lead.Location?.Trim()}' could be more than one place: routed as {where.Place!.Label}; it could also be {string.Join(", ", where.Alternatives.Take(3).Select(p => p.Label))}. Confirm where the prospect is (add the region, country or postal code).");
                break;
            case LocationKind.Place when territory is { Territory: null }:
                yield return new(RouteCodes.NoTerritory, $"{territory.Explanation}{(by.Length == 0 ? "" : $"; routed{by}")}.");
                break;
        }
        if (pick is null)
        {
            yield return new(RouteCodes.NoRsm, "No RSM could be picked for this lead: give a place a territory covers, or a vertical an RSM specialises in.");
        }
        if (prospect.Assumed && prospect.Zone is { } zone)
        {
            yield return new(RouteCodes.ProspectZoneAssumed, $"The prospect's time zone is assumed ({zone.Id}, {prospect.Basis}): their business hours in the slots are not verified.");
        }
        if (lookups.FirstOrDefault(l => l.Problem is { Outage: true }) is { } failed)
        {
            var count = lookups.Count(l => l.Problem is { Outage: true });
            yield return new(RouteCodes.CalendarUnavailable,
                $"The calendar service did not answer ({failed.Problem!.Reason}) for {count} of {lookups.Count} RSMs: the pick stands, but their slots and live availability are missing. Retry in a minute.");
        }
    }
}
