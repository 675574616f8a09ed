using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Handoff.Api.Infrastructure;
using Handoff.Api.Leads;
using Handoff.Storage;
using NodaTime;
using NodaTime.Text;

namespace Handoff.Api.Handoffs;

/// <summary>
/// The RSM's private brief, from the stored record only: the meeting in the RSM's time, their day around it, the
/// lead's context, the SDR's notes, the warnings sent anyway, and what the SDR was told to say. Every value is
/// HTML-encoded; nothing here reads calendars, so a private item's subject cannot reach it.
/// </summary>
public static class BriefComposer
{
    private static readonly LocalDateTimePattern Local = LocalDateTimePattern.ExtendedIso;

    public sealed record Composed(string Subject, string Html, string Text);

    /// <param name="outcomeLinks">Signed one-click links that record what became of the meeting (docs/outcomes.md).</param>
    /// <param name="replaced">RSMs of the previous version no longer on the invite ("with Alex instead"): the brief says who attends now.</param>
    public static Composed Compose(HandoffRecordData r, string key, bool isUpdate, Instant now, string? briefUrl,
        IReadOnlyList<(string Label, string Url)>? outcomeLinks = null, IReadOnlyList<RsmData>? replaced = null)
    {
        var sections = Sections(r, now);
        var who = r.Leads.Select(l => l.Lead.Company).FirstOrDefault(c => c is not null) ?? r.Prospects.FirstOrDefault() ?? "a prospect";
        var firstRsm = r.Times.FirstOrDefault(t => t.Party == "rsm");
        var when = firstRsm is null ? Instants.Parse(r.Start).ToString() : $"{Day(firstRsm.LocalStart)}, {Clock(firstRsm.LocalStart)} {firstRsm.TimeZoneName}";
        var subject = $"{(isUpdate ? "Updated: " : "")}Handoff brief: {who}, {when}";

        var html = new StringBuilder();
        var text = new StringBuilder();
        html.Append("<div style=\"font-family:Segoe UI,Arial,sans-serif;font-size:14px\">");
        html.Append("<p><strong>").Append(E(isUpdate ? "Updated handoff" : "New handoff")).Append("</strong> from ").Append(E(r.SdrName))
            .Append(r.SdrEmail is null ? "" : $" ({E(r.SdrEmail)})").Append(". Internal: do not forward to the prospect.</p>");
        text.AppendLine($"{(isUpdate ? "Updated handoff" : "New handoff")} from {r.SdrName}{(r.SdrEmail is null ? "" : $" ({r.SdrEmail})")}. Internal: do not forward to the prospect.");
        if (Attending(r, replaced) is { } attending)
        {
            html.Append("<p><strong>").Append(E(attending)).Append("</strong></p>");
            text.AppendLine(attending);
        }
        foreach (var (title, lines) in sections)
        {
            html.Append("<h3 style=\"margin:16px 0 4px\">").Append(E(title)).Append("</h3><ul style=\"margin:0;padding-left:20px\">");
            text.AppendLine().AppendLine(title.ToUpperInvariant());
            foreach (var line in lines)
            {
                html.Append("<li>").Append(E(line)).Append("</li>");
                text.AppendLine($"- {line}");
            }
            html.Append("</ul>");
        }
        if (briefUrl is not null)
        {
            html.Append("<p><a href=\"").Append(E(briefUrl)).Append("\">Open this brief in Handoff</a></p>");
            text.AppendLine().AppendLine($"Open this brief in Handoff: {briefUrl}");
        }
        if (outcomeLinks is { Count: > 0 })
        {
            html.Append("<p>After the meeting, one click records what happened: ")
                .AppendJoin(" · ", outcomeLinks.Select(l => $"<a href=\"{E(l.Url)}\">{E(l.Label)}</a>")).Append("</p>");
            text.AppendLine().AppendLine("After the meeting, one click records what happened:");
            foreach (var (label, url) in outcomeLinks)
            {
                text.AppendLine($"- {label}: {url}");
            }
        }
        html.Append("<p style=\"color:#666\">Handoff ").Append(E(key)).Append("</p></div>");
        return new Composed(subject, html.ToString(), text.ToString());
    }

    /// <summary>The brief's sections in order; empty ones are left out. The brief page shows the same record.</summary>
    public static IReadOnlyList<(string Title, IReadOnlyList<string> Lines)> Sections(HandoffRecordData r, Instant now)
    {
        var list = new List<(string, IReadOnlyList<string>)>();
        var meeting = r.Times.Where(t => t.Party == "rsm")
            .Select(t => $"{t.Name}: {Day(t.LocalStart)}, {Clock(t.LocalStart)}–{Clock(t.LocalEnd)} {t.TimeZoneName}").ToList();
        meeting.AddRange(r.Times.Where(t => t.Party == "prospect").Select(t => $"For the prospect: {Clock(t.LocalStart)} {t.TimeZoneName}"));
        if (r.Location is { } location)
        {
            meeting.Add($"Where: {location}");
        }
        meeting.Add($"With: {string.Join(", ", r.Prospects.DefaultIfEmpty("no prospect on the invite"))}");
        list.Add(("The meeting", meeting));
        var travel = r.Travel.Select(Leg).ToArray();
        if (travel.Length > 0)
        {
            list.Add(("Your day around it", travel));
        }
        foreach (var lead in r.Leads)
        {
            var lines = new List<string> { LeadSummary.Of(lead.Lead, now) };
            if (lead.Lead.Company is { } company) { lines.Insert(0, $"{company}{(lead.Lead.Place is { } p ? $", {p}" : "")} ({lead.Email})"); }
            lines.AddRange(lead.Lead.Activities.Skip(1).Take(4).Select(a => $"{a.Title} ({a.Kind}, {a.At[..10]})"));
            lines.AddRange(lead.Lead.CustomFields.Select(f => $"{f.Key}: {f.Value}"));
            list.Add(($"Lead context: {lead.Email}", lines));
        }
        var notes = new[] { ("Why now", r.Notes.WhyNow), ("Pain", r.Notes.Pain), ("Next step", r.Notes.NextStep) }
            .Where(n => n.Item2 is not null).Select(n => $"{n.Item1}: {n.Item2}").ToArray();
        if (notes.Length > 0)
        {
            list.Add(($"Notes from {r.SdrName}", notes));
        }
        var overridden = r.Warnings.Where(w => r.SentAnyway.Contains(w.Code)).Select(w => $"{w.Code}: {w.Message}").ToArray();
        if (overridden.Length > 0)
        {
            list.Add(("Sent despite these warnings", overridden));
        }
        var story = r.TalkingPoints.ToList();
        if (r.ProductMessaging is { } messaging)
        {
            story.Add(messaging);
        }
        if (story.Count > 0)
        {
            list.Add(("What the SDR was given to say", story));
        }
        return list;
    }

    /// <summary>"Alex Chen attends in place of Dana Ruiz (the RSM on the invite was changed)." when the RSM was replaced.</summary>
    public static string? Attending(HandoffRecordData r, IReadOnlyList<RsmData>? replaced) =>
        replaced is { Count: > 0 } && r.Rsms.Count > 0
            ? $"{string.Join(" and ", r.Rsms.Select(x => x.Name))} {(r.Rsms.Count == 1 ? "attends" : "attend")} in place of {string.Join(" and ", replaced.Select(x => x.Name))} (the RSM on the invite was changed)."
            : null;

    private static string Leg(TravelLegData l)
    {
        var stop = l.Place is null ? l.Stop : $"{l.Stop} in {l.Place}";
        var timing = l.Direction == "before" ? $"{stop} ends {l.StopTime}" : $"{stop} starts {l.StopTime}";
        var gap = l.Direction == "before" ? $"{Span(l.MinutesAvailable)} before this meeting" : $"{Span(l.MinutesAvailable)} after it";
        var needed = l.MinutesNeeded is { } n
            ? $"; ~{Span(n)} needed{(l.Mode == "flight" ? " flying" : "")} ({l.DistanceKm?.ToString("0", CultureInfo.InvariantCulture)} km)"
            : "; travel not estimated (place not known)";
        return $"{(l.Direction == "before" ? "Before" : "After")}: {timing}, {gap}{needed}.";
    }

    private static string Span(int minutes) => minutes < 60 ? $"{minutes} min" : minutes % 60 == 0 ? $"{minutes / 60} h" : $"{minutes / 60} h {minutes % 60} min";

    private static string Day(string local) => Local.Parse(local).Value.ToString("dddd, MMM d", CultureInfo.InvariantCulture);

    private static string Clock(string local) => Scheduling.Time.Formats.Time(Local.Parse(local).Value.TimeOfDay);

    private static string E(string value) => HtmlEncoder.Default.Encode(value);
}
