namespace Handoff.Api.Tests.Baton;

/// <summary>Leads, invites and settings as the integration, the add-in and an admin send them.</summary>
public static class BatonSamples
{
    public const string Prospect = "cfo@acme-metals.example";

    public static object Lead(int score = 72, string stage = "MQL", string campaign = "Scrap yard security") => new
    {
        source = "webinar",
        campaign,
        score,
        lifecycleStage = stage,
        cameInAt = "2026-11-29T15:00:00Z",
        company = "Acme Metals",
        place = "Fresno, CA",
        vertical = "metals-recycling",
        activities = new[]
        {
            new { at = "2026-11-30T15:00:00Z", kind = "download", title = "Downloaded the access-control checklist", url = (string?)"https://example.com/checklist" },
            new { at = "2026-11-29T15:00:00Z", kind = "webinar", title = "Attended the webinar", url = (string?)null },
        },
        customFields = new Dictionary<string, string> { ["sites"] = "2 yards" },
    };

    /// <summary>Thursday 2026-12-03 10:00–11:00 Pacific with Jo Field (Samples.Rsm): after her 7:30–9:30 plant visit near Fresno.</summary>
    public static Dictionary<string, object?> Invite(string? whyNow = "Insurer audit in January", string start = "2026-12-03T18:00:00Z", string end = "2026-12-03T19:00:00Z",
        string recordedFrom = "send", string? nextStep = "Site walk of both yards") => new()
    {
        ["start"] = start,
        ["end"] = end,
        ["organizerTimeZone"] = "Eastern Standard Time",
        ["organizerEmail"] = "sdr@example.com",
        ["attendees"] = new[] { "jo.field@example.com", Prospect },
        ["location"] = "Acme Metals, Fresno, CA 93706",
        ["notes"] = new { whyNow, pain = "Copper theft twice this year", nextStep },
        ["recordedFrom"] = recordedFrom,
    };

    public static object Settings(object? bar = null) => new
    {
        talkingPoints = new[] { new { vertical = "metals-recycling", points = new[] { "Copper theft: every gate entry is logged." } } },
        productMessaging = "One console for every site.",
        bar,
    };
}
