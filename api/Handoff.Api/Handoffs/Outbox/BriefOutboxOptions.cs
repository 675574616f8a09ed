namespace Handoff.Api.Handoffs.Outbox;

/// <summary>"BriefMail": how the outbox worker sends the RSMs' briefs (Graph settings are under "Graph").</summary>
public sealed class BriefOutboxOptions
{
    public const string Section = "BriefMail";

    /// <summary>How often the worker looks for due briefs when it found none.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts before a brief is marked failed (a permanent error fails it at once).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait after the first failed attempt; doubles each time up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a worker holds a brief it is sending; after that (a crash) another worker may take it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    public int BatchSize { get; set; } = 10;

    public IEnumerable<string> Problems()
    {
        if (PollInterval <= TimeSpan.Zero) { yield return "BriefMail:PollInterval must be positive."; }
        if (MaxAttempts is < 1 or > 100) { yield return "BriefMail:MaxAttempts must be 1–100."; }
        if (FirstRetryDelay <= TimeSpan.Zero || MaxRetryDelay < FirstRetryDelay) { yield return "BriefMail:FirstRetryDelay must be positive and at most MaxRetryDelay."; }
        if (Lease < TimeSpan.FromSeconds(1)) { yield return "BriefMail:Lease must be at least 1 second."; }
        if (BatchSize is < 1 or > 500) { yield return "BriefMail:BatchSize must be 1–500."; }
    }
}
