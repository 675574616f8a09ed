using Handoff.Api.Admin.Common;
using Handoff.Api.Admin.HandoffSettings;
using Handoff.Api.Infrastructure;
using Handoff.Api.Leads;
using Handoff.Storage;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Handoff.Api.Handoffs;

/// <summary>
/// Lead context for the demo prospects (the simulated invite's Acme Metals, the README's Valley Scrap and Kern
/// Recycling) and talking points for their vertical, so the pane shows the baton on first run. No handoff bar: the
/// demo's checks stay as the README shows them; set one with PUT /api/v1/admin/handoff-settings.
/// </summary>
public static class DemoBatonSeed
{
    private static readonly Actor Seeder = new("demo seed", null);

    /// <summary>Seeds when no lead and no handoff settings were ever stored (also into a demo store from before leads existed).</summary>
    public static async Task<bool> SeedIfEmptyAsync(HandoffDbContext db, AuditLog audit, CancellationToken ct)
    {
        if (await db.Leads.AnyAsync(ct) || await db.HandoffSettings.AnyAsync(ct)
            || await db.AuditEntries.AnyAsync(a => a.Resource == "lead" || a.Resource == "handoff-settings", ct))
        {
            return false;
        }
        var now = audit.Now;
        foreach (var (email, data) in Leads(now))
        {
            var lead = new LeadEntity { Id = Guid.NewGuid(), Email = email, EmailKey = LeadEntity.KeyOf(email), Data = data, Version = 1, CreatedAt = now, UpdatedAt = now };
            db.Leads.Add(lead);
            audit.Created(db, Seeder, "lead", lead.Id, LeadResponse.From(lead), "seed");
        }
        var settings = new HandoffSettingsEntity
        {
            Id = HandoffSettingsEntity.SingletonId, Version = 1, CreatedAt = now, UpdatedAt = now,
            TalkingPoints =
            [
                new("metals-recycling", [
                    "Copper theft: yards lose stock overnight; our access control logs every gate and scale-house entry.",
                    "Insurers ask for camera coverage of the yard perimeter: we quote with the insurer's checklist.",
                    "Scale-house fraud: tie weighbridge tickets to badge and camera events.",
                ]),
                new("food-processing", [
                    "Audits (FSMA) ask who entered the production floor: every door event is logged and exportable.",
                    "Shift changes are when doors get propped: alerts for doors held open.",
                ]),
            ],
            ProductMessaging = "Handoff Security's cloud access control: one console for every site, installed by local partners in a day.",
        };
        db.HandoffSettings.Add(settings);
        audit.Created(db, Seeder, "handoff-settings", settings.Id, HandoffSettingsResponse.From(settings), "seed");
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static IEnumerable<(string Email, LeadData Data)> Leads(Instant now)
    {
        string Ago(int hours) => Instants.Format(now - Duration.FromHours(hours));
        yield return ("cfo@acme-metals.example", new LeadData(
            "webinar", "Scrap yard security", 72, "marketingqualifiedlead", Ago(50), "Acme Metals", "Fresno, CA", "metals-recycling",
            [
                new(Ago(30), "download", "Downloaded the access-control checklist", "https://example.com/checklists/access-control"),
                new(Ago(50), "webinar", "Attended 'Scrap yard security' (45 of 60 min)", null),
                new(Ago(120), "page-view", "Viewed the pricing page twice", "https://example.com/pricing"),
            ],
            new Dictionary<string, string> { ["sites"] = "2 yards", ["crm.owner"] = "Sam Rivera" }));
        yield return ("cfo@valleyscrap.example", new LeadData(
            "trade-show", "ISRI Convention booth", 58, "lead", Ago(24 * 9), "Valley Scrap Metals", "Sacramento, CA", "metals-recycling",
            [new(Ago(24 * 9), "form", "Asked for a quote for 3 gates", null)],
            new Dictionary<string, string>()));
        yield return ("gm@kern-recycling.example", new LeadData(
            "paid-search", null, 41, "subscriber", Ago(6), "Kern Recycling", "Bakersfield, CA", "metals-recycling",
            [new(Ago(6), "page-view", "Read 'Stopping copper theft'", "https://example.com/blog/copper-theft")],
            new Dictionary<string, string>()));
    }
}
