using Handoff.Api.Admin.Common;
using Handoff.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Handoff.Api.Admin.Territories;

/// <summary>
/// Copies a parsed, validated request onto a territory row (zones already read at the edge): places resolved, RSMs
/// looked up by e-mail, rules normalised.
/// </summary>
public static class TerritoryWriter
{
    /// <returns>Errors keyed by JSON path (under <paramref name="prefix"/>), or null when the row was updated.</returns>
    public static async Task<Dictionary<string, string[]>?> ApplyAsync(
        ParsedTerritory request, TerritoryEntity territory, HandoffDbContext db, PlaceInputs places, string prefix, Instant now, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var rules = request.Rules!;
        var radii = new List<RadiusData>();
        for (var i = 0; i < (rules.Radii?.Count ?? 0); i++)
        {
            var r = rules.Radii![i]!; // validated: no null radius
            if (Unchanged(territory, r) is { } kept)
            {
                radii.Add(kept);
            }
            else if (places.TryResolve(r.Center!, out var center, out var error))
            {
                radii.Add(new RadiusData(center, r.RadiusKm!.Value));
            }
            else
            {
                errors[$"{prefix}rules.radii[{i}].center.text"] = [error];
            }
        }

        var wanted = request.Assignments ?? [];
        var keys = wanted.Select(a => RsmEntity.KeyOf(a.RsmEmail!)).ToArray();
        var rsms = await db.Rsms.Where(r => keys.Contains(r.EmailKey)).ToDictionaryAsync(r => r.EmailKey, ct);
        for (var i = 0; i < keys.Length; i++)
        {
            if (!rsms.ContainsKey(keys[i]))
            {
                errors[$"{prefix}assignments[{i}].rsmEmail"] = [$"No RSM has the e-mail {wanted[i].RsmEmail!.Trim()}: create the RSM first."];
            }
        }
        if (errors.Count > 0)
        {
            return errors;
        }

        territory.Name = request.Name!.Trim();
        territory.NameKey = TerritoryEntity.KeyOf(territory.Name);
        territory.Rules = new RulesData(
            (rules.Countries ?? []).Select(c => c.Trim().ToUpperInvariant()).ToArray(),
            (rules.Regions ?? []).Select(c => c.Trim().ToUpperInvariant()).ToArray(),
            (rules.PostalPrefixes ?? []).Select(PostalPrefix.Normalise).ToArray(),
            radii);
        territory.Verticals = Tags.Join(request.Verticals);
        territory.DefaultProspectTimeZone = request.DefaultProspectTimeZone?.Id;
        RoutingDto.Apply(request.Routing, territory);
        SyncAssignments(territory, wanted.Select((a, i) => (Rsm: rsms[keys[i]], Priority: a.Priority ?? i + 1, Weight: a.Weight ?? 1)).ToArray(), now);
        return null;
    }

    /// <summary>
    /// The stored radius a request repeats (same label, coordinates and distance, no zone or address details of its
    /// own): kept as it is, so re-importing an export (whose CSV carries no zone details) changes nothing.
    /// </summary>
    private static RadiusData? Unchanged(TerritoryEntity territory, ParsedRadius r)
    {
        if (r.Center is not { Latitude: { } lat, Longitude: { } lon } c || c.TimeZone is not null || c.Country is not null ||
            c.Region is not null || c.PostalCode is not null || c.City is not null)
        {
            return null;
        }
        var label = c.Text?.Trim();
        return territory.Rules?.Radii.FirstOrDefault(old => old.RadiusKm == r.RadiusKm && old.Center.Latitude == lat &&
            old.Center.Longitude == lon && (label is null || old.Center.Label == label));
    }

    // Updates rows in place rather than delete-and-insert, so unchanged assignments are not rewritten and an RSM who
    // stays keeps the time they joined the pool (a new one starts at the pool's average from now: docs/routing.md).
    private static void SyncAssignments(TerritoryEntity territory, IReadOnlyList<(RsmEntity Rsm, int Priority, double Weight)> wanted, Instant now)
    {
        territory.Assignments.RemoveAll(a => wanted.All(w => w.Rsm.Id != a.RsmId));
        foreach (var (rsm, priority, weight) in wanted)
        {
            if (territory.Assignments.FirstOrDefault(a => a.RsmId == rsm.Id) is { } existing)
            {
                existing.Priority = priority;
                existing.Weight = weight;
                existing.Rsm = rsm;
            }
            else
            {
                territory.Assignments.Add(new TerritoryAssignmentEntity
                {
                    TerritoryId = territory.Id, RsmId = rsm.Id, Rsm = rsm, Priority = priority, Weight = weight, AddedAt = now,
                });
            }
        }
    }

    public static IQueryable<TerritoryEntity> WithAssignments(this IQueryable<TerritoryEntity> query) =>
        query.Include(t => t.Assignments).ThenInclude(a => a.Rsm);

    public static ValidationProblem Problem(Dictionary<string, string[]> errors) => TypedResults.ValidationProblem(errors);
}
