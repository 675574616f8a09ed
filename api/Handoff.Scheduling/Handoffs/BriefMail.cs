namespace Handoff.Scheduling.Handoffs;

/// <summary>The RSM's private brief as a mail: one per handoff version, to every RSM on the invite.</summary>
/// <param name="SdrEmail">The SDR who sent the invite: the sender on the delegated route, a reply-to on the app-only one.</param>
/// <param name="DeliveryId">Stable per handoff version, so a receiving system can recognise a repeat.</param>
public sealed record BriefMail(Guid DeliveryId, IReadOnlyList<string> To, string? SdrEmail, string Subject, string Html);

/// <summary>How a send ended. Transient failures are retried with backoff; permanent ones are recorded on the handoff.</summary>
public abstract record MailOutcome
{
    public static readonly MailOutcome Sent = new SentOutcome();

    public static MailOutcome Transient(string error) => new TransientFailure(error);

    public static MailOutcome Permanent(string error) => new PermanentFailure(error);
}

public sealed record SentOutcome : MailOutcome;

public sealed record TransientFailure(string Error) : MailOutcome;

public sealed record PermanentFailure(string Error) : MailOutcome;

/// <summary>The port the outbox worker sends briefs through (Graph sendMail in production).</summary>
public interface IBriefMailer
{
    /// <summary>Where mail goes from, for the deliveries list ("graph app-only as handoff@contoso.com").</summary>
    string Describe { get; }

    Task<MailOutcome> SendAsync(BriefMail mail, CancellationToken cancellationToken);
}
