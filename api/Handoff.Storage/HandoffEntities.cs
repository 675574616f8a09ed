using NodaTime;

namespace Handoff.Storage;

/// <summary>
/// What marketing automation or the CRM knows about a lead, keyed by e-mail. Written by the integration role;
/// read when an SDR drafts an invite to that address and copied into the handoff record at send.
/// </summary>
public sealed class LeadEntity : IVersioned
{
    public Guid Id { get; set; }
    public string Email { get; set; } = "";
    /// <summary>Trimmed, lower-case <see cref="Email"/>: unique, the key invites are matched on.</summary>
    public string EmailKey { get; set; } = "";
    public LeadData Data { get; set; } = LeadData.Empty;
    public int Version { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant UpdatedAt { get; set; }

    /// <summary>The unique key of an e-mail: the core's <see cref="Handoff.Scheduling.Org.EmailAddress.Key"/>.</summary>
    public static string KeyOf(string email) => new Handoff.Scheduling.Org.EmailAddress(email).Key;
}

/// <summary>
/// One handoff: an invite an SDR sent to an RSM, keyed by the add-in's stable key. <see cref="Record"/> is the
/// whole snapshot at send (JSON); the columns beside it exist to filter lists.
/// </summary>
public sealed class HandoffEntity : IVersioned
{
    public Guid Id { get; set; }
    /// <summary>The add-in's key from the item's custom properties (8–100 of A–Z a–z 0–9 . _ -).</summary>
    public string Key { get; set; } = "";
    /// <summary>Lower-case e-mail (or subject id) of the SDR who recorded it: whose handoff it is.</summary>
    public string SdrKey { get; set; } = "";
    /// <summary>RSM e-mails as "|a@x|b@y|" so "handoffs of this RSM" is a substring test on every provider.</summary>
    public string RsmKeys { get; set; } = "";
    public string? Territory { get; set; }
    /// <summary>The prospect's vertical at send (report column).</summary>
    public string? Vertical { get; set; }
    /// <summary>When the lead came in (the lead's cameInAt at send): speed to lead is first send minus this.</summary>
    public Instant? LeadInAt { get; set; }
    /// <summary>Warning and blocker codes sent anyway, as "|A|B|" (report column; the record holds the same list).</summary>
    public string SentAnyway { get; set; } = "";
    /// <summary>The prospect's zone at send (IANA), for held rates by the prospect's weekday and hour.</summary>
    public string? ProspectZone { get; set; }
    /// <summary>Report copy of the outcome's kind (null: none recorded), kept in step by <see cref="HandoffDbContext"/>.</summary>
    public OutcomeKind? Outcome { get; set; }
    /// <summary>Report copy of a rescheduled outcome's new start and end.</summary>
    public Instant? OutcomeStart { get; set; }
    public Instant? OutcomeEnd { get; set; }
    /// <summary>Report copy of the opportunity's amount.</summary>
    public decimal? OutcomeAmount { get; set; }
    /// <summary>Report copy of the draft check log's every-code-seen ("|A|B|"); null when the draft was never checked with its key.</summary>
    public string? CheckedCodes { get; set; }
    public Instant Start { get; set; }
    public Instant End { get; set; }
    /// <summary>SHA-256 of what the SDR sent (the draft and the notes): the same content again changes nothing.</summary>
    public string ContentHash { get; set; } = "";
    public HandoffRecordData Record { get; set; } = HandoffRecordData.Empty;
    public int Version { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant UpdatedAt { get; set; }
}

public enum DeliveryStatus
{
    /// <summary>Waiting for the worker (or, with no mailer configured, kept in the outbox to be read).</summary>
    Pending,
    /// <summary>A worker holds it until <see cref="BriefDeliveryEntity.LockedUntil"/>.</summary>
    Sending,
    Sent,
    /// <summary>Given up: a permanent error, or the retries ran out. Shown on the handoff.</summary>
    Failed,
    /// <summary>A newer version of the handoff was queued before this one went out; only the newest is sent.</summary>
    Superseded,
}

/// <summary>
/// The outbox: one row per handoff version (unique), written in the same transaction as the record, so a brief
/// is queued exactly when a version is stored and never twice for one version.
/// </summary>
public sealed class BriefDeliveryEntity
{
    public Guid Id { get; set; }
    public Guid HandoffId { get; set; }
    public string HandoffKey { get; set; } = "";
    public int HandoffVersion { get; set; }
    public DeliveryStatus Status { get; set; }
    /// <summary>Recipients as "a@x;b@y".</summary>
    public string To { get; set; } = "";
    /// <summary>The SDR, for the delegated route (mail sent as the SDR) once on-behalf-of is configured.</summary>
    public string? SenderHint { get; set; }
    public string Subject { get; set; } = "";
    public string BodyHtml { get; set; } = "";
    public string BodyText { get; set; } = "";
    public int Attempts { get; set; }
    public Instant NextAttemptAt { get; set; }
    public Instant? LockedUntil { get; set; }
    public string? LastError { get; set; }
    public Instant? SentAt { get; set; }
    public Instant CreatedAt { get; set; }
    /// <summary>Concurrency token: a worker claims a row by bumping it, so two workers never both send it.</summary>
    public int Stamp { get; set; }
}

/// <summary>The org's handoff settings: one row (<see cref="SingletonId"/>), audited like the admin resources.</summary>
public sealed class HandoffSettingsEntity : IVersioned
{
    public static readonly Guid SingletonId = new("7a1d0c2e-0000-4000-8000-000000000001");

    public Guid Id { get; set; }
    public IReadOnlyList<TalkingPointsData> TalkingPoints { get; set; } = [];
    public string? ProductMessaging { get; set; }
    public HandoffBarData? Bar { get; set; }
    public int Version { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant UpdatedAt { get; set; }
}
