using Handoff.Api.Admin.FieldPlans;
using Handoff.Api.Admin.Rsms;
using Handoff.Api.Admin.Territories;
using Handoff.Api.FieldIntel.Profiles;
using Handoff.Api.FieldIntel.Reports;
using Handoff.Api.Infrastructure;
using Handoff.Storage;
using Microsoft.EntityFrameworkCore;

namespace Handoff.Api.Admin.Common;

/// <summary>
/// The admin writes' references: RSMs named by e-mail must exist, places given as text alone must be placeable.
/// Bodies read at the edge are checked as read (zones already parsed), after their validation: a value the parse or the
/// shape rules refused (a malformed e-mail, an unknown zone, an over-long text) already has its error, and is left to it.
/// </summary>
public sealed class AdminReferenceRules(HandoffDbContext db, PlaceInputs places) :
    IReferenceRules<ParsedTerritory>, IReferenceRules<ParsedFieldPlan>, IReferenceRules<ParsedRsm>, IReferenceRules<ParsedFieldReport>,
    IReferenceRules<TravelProfileRequest>
{
    public async Task CheckAsync(ParsedTerritory request, string prefix, IDictionary<string, string[]> errors, CancellationToken ct)
    {
        var wanted = request.Assignments ?? [];
        await RsmsAsync(wanted.Select((a, i) => (a?.RsmEmail, $"{prefix}assignments[{i}].rsmEmail")), errors, ct);
        var radii = request.Rules?.Radii ?? [];
        for (var i = 0; i < radii.Count; i++)
        {
            Place(radii[i]?.Center, $"{prefix}rules.radii[{i}].center", errors);
        }
    }

    public async Task CheckAsync(ParsedFieldPlan request, string prefix, IDictionary<string, string[]> errors, CancellationToken ct)
    {
        await RsmsAsync([(request.RsmEmail, $"{prefix}rsmEmail")], errors, ct);
        Place(request.Place, $"{prefix}place", errors);
    }

    public Task CheckAsync(ParsedRsm request, string prefix, IDictionary<string, string[]> errors, CancellationToken ct)
    {
        Place(request.HomeBase, $"{prefix}homeBase", errors);
        return Task.CompletedTask;
    }

    public async Task CheckAsync(ParsedFieldReport request, string prefix, IDictionary<string, string[]> errors, CancellationToken ct)
    {
        await RsmsAsync([(request.RsmEmail, $"{prefix}rsmEmail")], errors, ct);
        Place(request.From, $"{prefix}from", errors);
        Place(request.To, $"{prefix}to", errors);
    }

    public async Task CheckAsync(TravelProfileRequest request, string prefix, IDictionary<string, string[]> errors, CancellationToken ct)
    {
        var key = $"{prefix}territory";
        var text = request.Territory?.Trim();
        if (!string.Equals(request.Scope?.Trim(), "territory", StringComparison.OrdinalIgnoreCase) || errors.ContainsKey(key)
            || string.IsNullOrEmpty(text) || text.Length > 200)
        {
            return;
        }
        var nameKey = TerritoryEntity.KeyOf(text);
        var byId = Guid.TryParse(text, out var id) ? id : Guid.Empty;
        if (!await db.Territories.AsNoTracking().AnyAsync(t => t.Id == byId || t.NameKey == nameKey, ct))
        {
            errors.TryAdd(key, [$"No territory is called or has the id '{text}'."]);
        }
    }

    private async Task RsmsAsync(IEnumerable<(string? Email, string Key)> emails, IDictionary<string, string[]> errors, CancellationToken ct)
    {
        var named = emails.Where(e => !errors.ContainsKey(e.Key) && !string.IsNullOrWhiteSpace(e.Email) && e.Email.Length <= 254)
            .Select(e => (e.Email!, e.Key, EmailKey: RsmEntity.KeyOf(e.Email!))).ToList();
        if (named.Count == 0)
        {
            return;
        }
        var keys = named.Select(n => n.EmailKey).Distinct().ToArray();
        var known = (await db.Rsms.AsNoTracking().Where(r => keys.Contains(r.EmailKey)).Select(r => r.EmailKey).ToListAsync(ct)).ToHashSet();
        foreach (var (email, key, emailKey) in named.Where(n => !known.Contains(n.EmailKey)))
        {
            errors.TryAdd(key, [$"No RSM has the e-mail {email.Trim()}: create the RSM first."]);
        }
    }

    private void Place(ParsedPlace? place, string key, IDictionary<string, string[]> errors)
    {
        // The place's own errors (its parse and its validator's) are already in the answer under its path.
        if (place is null || errors.Keys.Any(k => k.StartsWith(key, StringComparison.Ordinal)))
        {
            return;
        }
        if (!places.TryResolve(place, out _, out var error))
        {
            errors.TryAdd($"{key}.text", [error]);
        }
    }
}
