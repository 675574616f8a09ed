using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Routing.Modes;

namespace Handoff.Scheduling.Routing;

/// <summary>The routing use case for SDRs: which RSM owns the place typed in a location box, and why.</summary>
public sealed class TerritoryRouter(IOrgDirectory directory, IPlaceResolver places, ITerritoryPicker? picker = null)
{
    public async Task<TerritoryMatch> RouteAsync(string location, string? vertical, CancellationToken cancellationToken)
    {
        var snapshot = await directory.GetSnapshotAsync(cancellationToken);
        var where = places.Resolve(location);
        return where switch
        {
            { Kind: LocationKind.Place, Place: { } place } => await (picker ?? PriorityOnly.Instance).ApplyAsync(
                TerritoryResolver.For(snapshot).Resolve(place, vertical), vertical, snapshot, PickUse.Route, null, cancellationToken),
            { Kind: LocationKind.Online } => TerritoryMatch.Nowhere($"'{location.Trim()}' is an online meeting, so there is no place to route; give the prospect's address, city or ZIP code."),
            _ => TerritoryMatch.Nowhere($"Handoff cannot place '{location.Trim()}' on the map; try a ZIP or postal code, or \"City, ST\"."),
        };
    }
}
