using System.Globalization;
using Handoff.Api.Infrastructure;
using Handoff.Storage;
using NodaTime;

namespace Handoff.Api.Leads;

/// <summary>
/// One line for a busy person: "Came in from the 'Scrap yard security' webinar 2 days ago · score 72 · downloaded
/// the access-control checklist". The pane and the RSM's brief say it the same way.
/// </summary>
public static class LeadSummary
{
    public static string Of(LeadData lead, Instant now)
    {
        var parts = new List<string>();
        var came = lead.Campaign is { } campaign
            ? $"Came in from the '{campaign}' {lead.Source ?? "campaign"}"
            : lead.Source is { } source ? $"Came in from {source}" : null;
        if (lead.CameInAt is { } at && Instants.TryParse(at, out var instant))
        {
            came = $"{came ?? "Came in"} {Ago(now - instant)}";
        }
        if (came is not null)
        {
            parts.Add(came);
        }
        if (lead.Score is { } score)
        {
            parts.Add($"score {score.ToString(CultureInfo.InvariantCulture)}");
        }
        if (lead.LifecycleStage is { } stage)
        {
            parts.Add(StageName(stage));
        }
        if (lead.Activities.FirstOrDefault() is { } latest)
        {
            parts.Add(Lower(latest.Title));
        }
        return string.Join(" · ", parts);
    }

    /// <summary>"just now", "3 hours ago", "2 days ago", "5 weeks ago".</summary>
    public static string Ago(Duration elapsed)
    {
        if (elapsed < Duration.FromHours(1))
        {
            return "just now";
        }
        if (elapsed < Duration.FromDays(1))
        {
            return Plural((int)elapsed.TotalHours, "hour");
        }
        return elapsed < Duration.FromDays(14) ? Plural((int)elapsed.TotalDays, "day") : Plural((int)(elapsed.TotalDays / 7), "week");
    }

    public static string StageName(string stage) => stage switch
    {
        "marketingqualifiedlead" => "marketing-qualified",
        "salesqualifiedlead" => "sales-qualified",
        _ => stage,
    };

    private static string Plural(int n, string unit) => $"{n} {unit}{(n == 1 ? "" : "s")} ago";

    private static string Lower(string text) => text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1])
        ? char.ToLowerInvariant(text[0]) + text[1..]
        : text;
}
