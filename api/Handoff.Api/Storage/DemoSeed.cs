using Handoff.Api.Admin.Common;
using Handoff.Api.Admin.FieldPlans;
using Handoff.Api.Admin.Rsms;
using Handoff.Api.Admin.Territories;
using Handoff.Api.Demo;
using Handoff.Storage;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Handoff.Api.Storage;

/// <summary>Puts the demo org into a store that has never been used (no rows, no audit history), with audit rows.</summary>
public static class DemoSeed
{
    private static readonly Actor Seeder = new("demo seed", null);

    public static async Task<bool> SeedIfNeverUsedAsync(HandoffDbContext db, AuditLog audit, CancellationToken ct)
    {
        if (await db.Rsms.AnyAsync(ct) || await db.Territories.AnyAsync(ct) || await db.AuditEntries.AnyAsync(ct))
        {
            return false;
        }
        var now = audit.Now;
        var rsms = DemoOrg.Rsms.ToDictionary(r => r.Email, r => new RsmEntity
        {
            Id = DemoIds.Rsm(r.Email), Email = r.Email, EmailKey = RsmEntity.KeyOf(r.Email), DisplayName = r.DisplayName,
            TimeZone = r.Zone?.Id, HomeBase = r.HomeBase?.ToData(), WorkingHours = r.WorkingHours?.ToData(),
            Verticals = Tags.Join(r.Verticals), Travel = r.Travel?.ToData(), Active = r.Active,
            Version = 1, CreatedAt = now, UpdatedAt = now,
        });
        foreach (var rsm in rsms.Values)
        {
            db.Rsms.Add(rsm);
            audit.Created(db, Seeder, "rsm", rsm.Id, RsmResponse.From(rsm), "seed");
        }
        foreach (var t in DemoOrg.Territories)
        {
            var territory = new TerritoryEntity
            {
                Id = t.Id, Name = t.Name, NameKey = TerritoryEntity.KeyOf(t.Name),
                Rules = new RulesData(t.Rules.Countries ?? [], t.Rules.Regions ?? [], t.Rules.PostalPrefixes ?? [],
                    (t.Rules.Radii ?? []).Select(r => new RadiusData(new PlaceData(FormattableString.Invariant($"{r.Center.Latitude}, {r.Center.Longitude}"), r.Center.Latitude, r.Center.Longitude), r.RadiusKm)).ToArray()),
                Assignments = t.Assignments.Select(a => new TerritoryAssignmentEntity { TerritoryId = t.Id, RsmId = rsms[a.RsmEmail].Id, Rsm = rsms[a.RsmEmail], Priority = a.Priority, Weight = a.Weight, AddedAt = a.AddedAt }).ToList(),
                Verticals = Tags.Join(t.Verticals), DefaultProspectTimeZone = t.DefaultProspectZone?.Id,
                RoutingMode = t.RoutingOrDefault.Mode, RoutingPeriod = t.RoutingOrDefault.Period, CreditBack = t.RoutingOrDefault.CreditBack,
                Version = 1, CreatedAt = now, UpdatedAt = now,
            };
            db.Territories.Add(territory);
            audit.Created(db, Seeder, "territory", territory.Id, TerritoryResponse.From(territory), "seed");
        }
        foreach (var p in DemoOrg.FieldPlans(now.InUtc().Date))
        {
            var plan = new FieldPlanEntity
            {
                Id = p.Id, RsmId = rsms[p.RsmEmail].Id, Rsm = rsms[p.RsmEmail], From = p.Dates.Start, To = p.Dates.End,
                Place = p.Place.ToData(), Confidence = p.ConfidencePercent, Note = p.Note, Leave = p.Leave,
                Version = 1, CreatedAt = now, UpdatedAt = now,
            };
            db.FieldPlans.Add(plan);
            audit.Created(db, Seeder, "field-plan", plan.Id, FieldPlanResponse.Of(plan), "seed");
        }
        await db.SaveChangesAsync(ct);
        return true;
    }
}
