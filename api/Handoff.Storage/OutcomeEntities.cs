using NodaTime;

namespace Handoff.Storage;

/// <summary>What became of a booked meeting. <see cref="OpportunityCreated"/> implies it was held.</summary>
public enum OutcomeKind
{
    Held,
    NoShow,
    /// <summary>Moved to <see cref="HandoffOutcomeEntity.NewStart"/>: still active until a later outcome.</summary>
    Rescheduled,
    /// <summary>Called off before it happened, by <see cref="HandoffOutcomeEntity.CanceledBy"/>.</summary>
    Canceled,
    /// <summary>Held or not, the prospect turned out not to be a fit.</summary>
    Disqualified,
    OpportunityCreated,
}

/// <summary>
/// The current outcome of one handoff (one row per handoff; an outcome recorded again replaces it, and the audit log
/// keeps every earlier one). Written by the RSM, the SDR, an admin or the CRM integration.
/// </summary>
public sealed class HandoffOutcomeEntity : IVersioned
{
    public Guid Id { get; set; }
    public Guid HandoffId { get; set; }
    public string HandoffKey { get; set; } = "";
    public OutcomeKind Kind { get; set; }
    /// <summary>For <see cref="OutcomeKind.Rescheduled"/>: when the meeting now starts and ends.</summary>
    public Instant? NewStart { get; set; }
    public Instant? NewEnd { get; set; }
    /// <summary>For <see cref="OutcomeKind.Canceled"/>: "prospect", "rsm" or "sdr".</summary>
    public string? CanceledBy { get; set; }
    /// <summary>For <see cref="OutcomeKind.OpportunityCreated"/>: the opportunity's amount, when the CRM knows it.</summary>
    public decimal? Amount { get; set; }
    public string? Currency { get; set; }
    public string? Note { get; set; }
    /// <summary>Who recorded it (e-mail or subject id) and how: "api", "link" (the brief's one-click link) or "import".</summary>
    public string RecordedBy { get; set; } = "";
    public string Source { get; set; } = "api";
    /// <summary>The handoff version the outcome was recorded against.</summary>
    public int HandoffVersion { get; set; }
    public Instant RecordedAt { get; set; }
    public int Version { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant UpdatedAt { get; set; }
}

/// <summary>
/// A compact log of one draft's checks, by the add-in's handoff key: what the first and the latest check said and
/// how often the answer changed. The report compares it with what was sent: a warning present at the first check
/// and gone at send is a slip Handoff prevented.
/// </summary>
public sealed class DraftCheckLogEntity
{
    public Guid Id { get; set; }
    public string HandoffKey { get; set; } = "";
    public string? SdrKey { get; set; }
    public Instant FirstAt { get; set; }
    public Instant LastAt { get; set; }
    public string FirstVerdict { get; set; } = "";
    /// <summary>Warning and blocker codes as "|A|B|" (infos are not slips).</summary>
    public string FirstCodes { get; set; } = "";
    public string LastVerdict { get; set; } = "";
    public string LastCodes { get; set; } = "";
    /// <summary>Every warning or blocker code any check of this draft raised, as "|A|B|".</summary>
    public string SeenCodes { get; set; } = "";
    public int Checks { get; set; }
    /// <summary>How many checks answered differently (verdict or codes) from the one before.</summary>
    public int Changes { get; set; }
}

public enum TargetScope
{
    Sdr,
    /// <summary>A named team: the SDRs in <see cref="HandoffTargetEntity.Members"/>.</summary>
    Team,
    Territory,
}

/// <summary>A monthly target: how many handoffs (and, optionally, held meetings) an SDR, a team or a territory should reach.</summary>
public sealed class HandoffTargetEntity : IVersioned
{
    public Guid Id { get; set; }
    /// <summary>The first day of the month, in the org's zone.</summary>
    public LocalDate Month { get; set; }
    public TargetScope Scope { get; set; }
    /// <summary>The SDR's e-mail, the team's name or the territory's name, as given.</summary>
    public string Subject { get; set; } = "";
    /// <summary>Lower-case <see cref="Subject"/>: unique per month and scope.</summary>
    public string SubjectKey { get; set; } = "";
    /// <summary>For a team: its SDRs' lower-case e-mails as "|a@x|b@y|".</summary>
    public string Members { get; set; } = "";
    public int Handoffs { get; set; }
    public int? Held { get; set; }
    public int Version { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant UpdatedAt { get; set; }
}
