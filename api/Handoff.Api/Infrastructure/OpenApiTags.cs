using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Handoff.Api.Infrastructure;

/// <summary>What each group of operations is for, in the order a newcomer meets them.</summary>
internal sealed class OpenApiTags : IDocumentFilter
{
    private static readonly (string Name, string Description)[] Tags =
    [
        ("Meetings", "The SDR's check of a draft invite (verdict, local times, warnings) and better times when it is blocked. Roles: Handoff.Sdr or Handoff.Admin."),
        ("Territories", "Who owns a place, and by which rule (ZIP prefix, radius, region, country)."),
        ("Handoffs", "The baton: the handoff recorded at send and the RSM's private brief in the outbox (docs/handoffs.md)."),
        ("Leads", "Lead context from marketing automation or the CRM (role Handoff.Integration or Handoff.Admin)."),
        ("Field intel", "Where RSMs will be (the planner), how often field plans came true, open slots around a booked trip (docs/field-intel.md)."),
        ("Field reports", "Trips RSMs report (from, to, departed, arrived): the travel estimate learns from them."),
        ("Admin: RSMs", "The field reps: mailbox, zone, home base, working hours, verticals, travel. ETags on every write (docs/admin.md)."),
        ("Admin: territories", "Which prospects each RSM covers, with CSV or JSON import and export; overlaps are reported with how they resolve."),
        ("Admin: field plans", "Where an RSM expects to be, weeks ahead, and how sure they are."),
        ("Admin: travel profiles", "Speed, buffers and lobby wait for the org, a region or a territory."),
        ("Admin: handoff settings", "Talking points per vertical, the product message and the handoff bar."),
        ("Admin: audit", "Who changed what and when (read-only, newest first)."),
        ("Add-in", "What the Outlook add-in needs to sign in (anonymous, no secrets)."),
    ];

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var used = document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []).SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(t => t.Name).ToHashSet();
        document.Tags = new HashSet<OpenApiTag>(Tags.Where(t => used.Contains(t.Name)).Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));
        foreach (var name in used.Where(n => n is not null && Tags.All(t => t.Name != n)))
        {
            document.Tags.Add(new OpenApiTag { Name = name, Description = name });
        }
    }
}
