using System.Security.Claims;
using Handoff.Api.Admin.Common;
using Handoff.Api.Auth;
using Handoff.Api.Infrastructure;
using Handoff.Scheduling.Leads;
using Handoff.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Handoff.Api.Leads.Routing;

/// <summary>
/// POST /api/v1/leads/route: a web form's lead → the RSM the territory's mode picks, why, bookable slots and who can
/// take a live handoff now, in one round trip (role Handoff.Integration, or an admin). The lead context is written
/// like PUT /api/v1/leads/{email}: keyed on the e-mail, a repeat with the same content writes nothing.
/// </summary>
public static class LeadRouteApi
{
    public static void MapLeadRouting(this RouteGroupBuilder leads) =>
        leads.MapPost("/route", RouteAsync).RequireAuthorization(Policies.LeadWriter).WithName("RouteLead")
            .WithSummary("Route an inbound lead: the RSM the territory's mode picks, why, their earliest slots, alternatives, and who can take a live handoff now")
            .WithDescription("Reads the pool's calendars once. A place that cannot be read or reads several ways is a warning (LEAD_PLACE_UNKNOWN, " +
                             "PROSPECT_PLACE_AMBIGUOUS), never a silent guess; a calendar outage is CALENDAR_UNAVAILABLE and the pick still stands. " +
                             "Stores the lead context (e-mail is the key; externalId, name and context become custom fields; cameInAt is set on first sight).")
            .WithValidation<LeadRouteRequest, ParsedLeadRoute>();

    public static async Task<Results<Ok<LeadRouteResponse>, ValidationProblem, ProblemHttpResult>> RouteAsync(
        LeadRouteRequest request, HttpContext http, LeadRouter router, HandoffDbContext db, AdminWrites writes, ClaimsPrincipal user, CancellationToken ct)
    {
        var parsed = http.Parsed<ParsedLeadRoute>(); // the body as the validation filter read it: zones once
        var email = parsed.Email!.Trim();
        var key = LeadEntity.KeyOf(email);
        var lead = await db.Leads.FirstOrDefaultAsync(l => l.EmailKey == key, ct);
        var before = lead?.Data;
        var data = Merge(before, parsed, writes);

        // What marketing automation already stored fills what the form left out.
        var ask = parsed.ToLead() with { Location = data.Place, Vertical = data.Vertical };
        var route = await router.RouteAsync(ask, ct);

        var version = lead?.Version;
        var created = LeadWriter.Apply(db, writes, Actor.From(user), ref lead, email, data, "route");
        if (await LeadWriter.SaveAsync(db, ct) is { } failed)
        {
            return failed;
        }
        return TypedResults.Ok(LeadRouteResponse.From(route, new LeadRefDto(lead.Email, lead.Version, created, created || lead.Version != version)));
    }

    /// <summary>The stored context with the form's fields laid over it; nothing the form did not send is erased.</summary>
    private static LeadData Merge(LeadData? stored, ParsedLeadRoute request, AdminWrites writes)
    {
        var before = stored ?? LeadData.Empty;
        var custom = new SortedDictionary<string, string>(before.CustomFields.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);
        void Set(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                custom[name] = value.Trim();
            }
        }
        Set("externalId", request.ExternalId);
        Set("name", request.Name);
        Set("context", request.Context);
        return before with
        {
            Source = before.Source ?? "lead-route",
            Score = request.Score ?? before.Score,
            // Speed to lead starts when the lead first reached Handoff, unless marketing automation said earlier.
            CameInAt = before.CameInAt ?? Instants.Format(writes.Now),
            Company = string.IsNullOrWhiteSpace(request.Company) ? before.Company : request.Company.Trim(),
            Place = request.LocationText() ?? before.Place,
            Vertical = request.NormalisedVertical ?? before.Vertical,
            CustomFields = custom.ToDictionary(p => p.Key, p => p.Value),
        };
    }
}
