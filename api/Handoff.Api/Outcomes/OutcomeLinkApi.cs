using System.Text;
using System.Text.Encodings.Web;
using Handoff.Api.Infrastructure;
using Handoff.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Handoff.Api.Outcomes;

/// <summary>
/// The brief's outcome links, without sign-in (the signed token is the permission):
/// GET /handoffs/{key}/outcome?o=&amp;t= shows what the link will record and one button; POST records it. Opening the
/// link never writes, because mail scanners (Defender Safe Links and others) open links in mail before people do.
/// POST /api/v1/handoffs/{key}/outcome/link?o=&amp;t= is the same for scripts, answering JSON or problem+json.
/// </summary>
public static class OutcomeLinkApi
{
    public static IEndpointRouteBuilder MapOutcomeLinks(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/handoffs/{key}/outcome", ConfirmPageAsync).AllowAnonymous().ExcludeFromDescription();
        routes.MapPost("/handoffs/{key}/outcome", RecordPageAsync).AllowAnonymous().ExcludeFromDescription();
        routes.MapPost("/api/v1/handoffs/{key}/outcome/link", RecordAsync).AllowAnonymous().WithTags("Outcomes").WithName("RecordOutcomeFromLink")
            .WithSummary("Record the outcome a brief's signed link names (o = outcome, t = token); the same outcome again changes nothing")
            .Produces<OutcomeResponse>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(410);
        return routes;
    }

    public static async Task<IResult> RecordAsync(string key, string? o, string? t, OutcomeLinks links, HandoffDbContext db, OutcomeWriter writer, IClock clock, CancellationToken ct)
    {
        var (claim, refusal) = links.Verify(key, o, t);
        if (refusal is null)
        {
            var (outcome, _, redeemRefusal) = await links.RedeemAsync(claim!, db, writer, ct);
            if (redeemRefusal is null)
            {
                return TypedResults.Ok(OutcomeResponse.From(outcome!, clock.GetCurrentInstant()));
            }
            refusal = redeemRefusal;
        }
        return Problem(refusal);
    }

    public static async Task<IResult> ConfirmPageAsync(string key, string? o, string? t, OutcomeLinks links, HandoffDbContext db, CancellationToken ct)
    {
        var (claim, refusal) = links.Verify(key, o, t);
        if (refusal is not null)
        {
            return Page(refusal.Status, refusal.Title, refusal.Detail, refusal.Code);
        }
        var handoff = await db.Handoffs.AsNoTracking().FirstOrDefaultAsync(h => h.Key == key, ct);
        var label = OutcomeLinks.Offered.First(x => x.Kind == claim!.Kind).Label;
        var what = handoff is null ? $"handoff {key}" : Describe(handoff);
        var form = $"<form method=\"post\"><button type=\"submit\" autofocus>Record: {E(label)}</button></form>";
        return Page(200, $"Record the outcome: {label}", $"The meeting: {what}.", null, form);
    }

    public static async Task<IResult> RecordPageAsync(string key, string? o, string? t, OutcomeLinks links, HandoffDbContext db, OutcomeWriter writer, CancellationToken ct)
    {
        var (claim, refusal) = links.Verify(key, o, t);
        if (refusal is null)
        {
            var (_, changed, redeemRefusal) = await links.RedeemAsync(claim!, db, writer, ct);
            if (redeemRefusal is null)
            {
                var label = OutcomeLinks.Offered.First(x => x.Kind == claim!.Kind).Label;
                return Page(200, $"Recorded: {label}", changed ? "Thank you: the handoff report counts it now." : "It was already recorded; nothing changed.", null);
            }
            refusal = redeemRefusal;
        }
        return Page(refusal.Status, refusal.Title, refusal.Detail, refusal.Code);
    }

    private static IResult Problem(OutcomeLinks.Refusal r) =>
        TypedResults.Problem(statusCode: r.Status, title: r.Title, detail: r.Detail, extensions: new Dictionary<string, object?> { ["code"] = r.Code });

    private static string Describe(HandoffEntity h)
    {
        var r = h.Record;
        var who = r.Leads.Select(l => l.Lead.Company).FirstOrDefault(c => c is not null) ?? r.Prospects.FirstOrDefault() ?? "a prospect";
        var rsm = r.Times.FirstOrDefault(x => x.Party == "rsm");
        return rsm is null ? $"{who}, {r.Start}" : $"{who}, {rsm.LocalStart.Replace('T', ' ')[..16]} {rsm.TimeZoneName}";
    }

    private static ContentHttpResult Page(int status, string title, string detail, string? code, string extra = "")
    {
        var html = new StringBuilder()
            .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<meta name=\"color-scheme\" content=\"light dark\"><title>").Append(E(title)).Append(" · Handoff</title>")
            .Append("<style>body{font:16px/1.5 'Segoe UI',system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}")
            .Append("button{font:inherit;padding:.6rem 1.2rem;border-radius:6px;border:1px solid currentColor;cursor:pointer}")
            .Append("button:focus-visible{outline:3px solid #0f6cbd;outline-offset:2px}code{font-size:.9em}</style></head><body><main>")
            .Append("<h1>").Append(E(title)).Append("</h1><p>").Append(E(detail)).Append("</p>").Append(extra);
        if (code is not null)
        {
            html.Append("<p><small>Code: <code>").Append(E(code)).Append("</code></small></p>");
        }
        html.Append("</main></body></html>");
        return TypedResults.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    private static string E(string value) => HtmlEncoder.Default.Encode(value);
}
