using Handoff.Scheduling.Checks;

namespace Handoff.Scheduling.Handoffs;

/// <summary>What the SDR tells the RSM (never the prospect): why now, the pain, the agreed next step.</summary>
public sealed record HandoffNotes(string? WhyNow = null, string? Pain = null, string? NextStep = null)
{
    public static HandoffNotes None { get; } = new();

    /// <summary>The note names as the API and the bar spell them.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["whyNow", "pain", "nextStep"];

    public bool Has(string kind) => !string.IsNullOrWhiteSpace(kind switch
    {
        "whyNow" => WhyNow,
        "pain" => Pain,
        "nextStep" => NextStep,
        _ => null,
    });

    public static string Label(string kind) => kind switch
    {
        "whyNow" => "why now",
        "pain" => "the pain",
        "nextStep" => "the next step",
        _ => kind,
    };
}

/// <summary>The lead as the gate needs it.</summary>
public sealed record LeadFacts(string Email, string? LifecycleStage, int? Score);

/// <summary>
/// The handoff bar sales and marketing agreed: a lead qualifies by reaching <see cref="MinLifecycleStage"/> OR
/// <see cref="MinScore"/> (either is enough when both are set), and the SDR writes every note in <see cref="RequiredNotes"/>.
/// </summary>
public sealed record QualificationBar(string? MinLifecycleStage, int? MinScore, IReadOnlyList<string> RequiredNotes)
{
    public bool IsEmpty => MinLifecycleStage is null && MinScore is null && RequiredNotes.Count == 0;
}

/// <summary>Lifecycle stages in funnel order (HubSpot's default stages, the common vocabulary of marketing automation).</summary>
public static class LifecycleStages
{
    public static readonly IReadOnlyList<string> Ordered =
        ["subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer", "evangelist"];

    /// <summary>The stage's place in the funnel; -1 for an unknown stage (e.g. "other").</summary>
    public static int Rank(string? stage) => stage is null ? -1 : IndexOf(Normalise(stage));

    public static bool IsKnown(string? stage) => Rank(stage) >= 0;

    /// <summary>"Marketing Qualified Lead", "marketing-qualified-lead" and "MQL" all mean marketingqualifiedlead.</summary>
    public static string Normalise(string stage)
    {
        var flat = new string(stage.Where(char.IsLetter).ToArray()).ToLowerInvariant();
        return flat switch
        {
            "mql" => "marketingqualifiedlead",
            "sql" => "salesqualifiedlead",
            _ => flat,
        };
    }

    private static int IndexOf(string stage)
    {
        for (var i = 0; i < Ordered.Count; i++)
        {
            if (Ordered[i] == stage)
            {
                return i;
            }
        }
        return -1;
    }
}

/// <summary>Is this draft a handoff the teams agreed to take? A draft below the bar gets one warning naming what is missing.</summary>
public static class QualificationGate
{
    /// <param name="leads">Lead context of the invite's prospects (any one clearing the bar qualifies the meeting).</param>
    public static Warning? Evaluate(QualificationBar? bar, IReadOnlyList<LeadFacts> leads, IReadOnlyList<string> prospects, HandoffNotes notes)
    {
        if (bar is null || bar.IsEmpty || prospects.Count == 0)
        {
            return null;
        }
        var missing = new List<string>();
        if (bar.MinLifecycleStage is not null || bar.MinScore is not null)
        {
            if (leads.Count == 0)
            {
                missing.Add($"no lead context for {string.Join(", ", prospects)} (stage or score unknown)");
            }
            else if (!leads.Any(l => Clears(bar, l)))
            {
                missing.Add(Shortfall(bar, leads[0]));
            }
        }
        var notesMissing = bar.RequiredNotes.Where(k => !notes.Has(k)).Select(HandoffNotes.Label).ToArray();
        if (notesMissing.Length > 0)
        {
            missing.Add($"handoff notes on {string.Join(", ", notesMissing)}");
        }
        return missing.Count == 0
            ? null
            : new Warning(WarningCodes.HandoffNotQualified, Severity.Warning, new PartyRef(PartyKind.Prospect, prospects[0]),
                $"Below the agreed handoff bar: {string.Join("; ", missing)}.");
    }

    private static bool Clears(QualificationBar bar, LeadFacts lead) =>
        (bar.MinLifecycleStage is { } stage && LifecycleStages.Rank(lead.LifecycleStage) >= LifecycleStages.Rank(stage))
        || (bar.MinScore is { } score && lead.Score >= score);

    private static string Shortfall(QualificationBar bar, LeadFacts lead)
    {
        var parts = new List<string>();
        if (bar.MinLifecycleStage is { } stage)
        {
            parts.Add($"stage {lead.LifecycleStage ?? "unknown"} (needs {stage} or later)");
        }
        if (bar.MinScore is { } score)
        {
            parts.Add($"score {(lead.Score is { } s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unknown")} (needs {score})");
        }
        return $"{lead.Email} is at {string.Join(" and ", parts)}";
    }
}
