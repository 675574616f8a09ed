namespace Handoff.Graph.Mail;

/// <summary>Who the RSMs' briefs are sent as.</summary>
public enum BriefMailSendAs
{
    /// <summary>No mail: briefs stay in the outbox (GET /api/v1/handoffs/{key}/deliveries).</summary>
    Off,
    /// <summary>As the SDR who recorded the handoff: <c>POST /me/sendMail</c> with delegated <c>Mail.Send</c> (on-behalf-of).</summary>
    Sdr,
    /// <summary>From one mailbox (<see cref="BriefMailOptions.Sender"/>): <c>POST /users/{sender}/sendMail</c>, application <c>Mail.Send</c>.</summary>
    Sender,
}

/// <summary>
/// The "BriefMail" settings the mailer reads. <see cref="SendAs"/> defaults to <see cref="BriefMailSendAs.Sender"/>
/// when a sender is set, else to <see cref="BriefMailSendAs.Sdr"/> when Graph is read on behalf of the SDR, else Off.
/// </summary>
public sealed class BriefMailOptions
{
    public const string Section = "BriefMail";

    /// <summary>The mailbox app-only sendMail sends from (needs application Mail.Send narrowed to it).</summary>
    public string? Sender { get; set; }

    public BriefMailSendAs? SendAs { get; set; }

    /// <summary>The route in effect, given whether Graph runs on behalf of the SDR.</summary>
    public BriefMailSendAs Route(bool onBehalfOf) =>
        SendAs ?? (!string.IsNullOrWhiteSpace(Sender) ? BriefMailSendAs.Sender : onBehalfOf ? BriefMailSendAs.Sdr : BriefMailSendAs.Off);

    /// <summary>What stops this route from starting, named by setting; empty when it can start.</summary>
    public IEnumerable<string> Problems(bool onBehalfOf)
    {
        switch (Route(onBehalfOf))
        {
            case BriefMailSendAs.Sender when string.IsNullOrWhiteSpace(Sender) || !Sender.Contains('@'):
                yield return "BriefMail:Sender must be the e-mail of the mailbox briefs are sent from (BriefMail:SendAs is Sender).";
                break;
            case BriefMailSendAs.Sdr when !onBehalfOf:
                yield return "BriefMail:SendAs=Sdr sends as the SDR through on-behalf-of: it needs Auth:Mode=Entra and Graph in delegated mode (Graph:OnBehalfOf).";
                break;
        }
    }
}

/// <summary>
/// Keys MSAL's long-running on-behalf-of session for one SDR's mail: the recorder starts it while the SDR's own token is
/// at hand, the outbox worker continues it later. One per SDR (not per brief), so each new recording refreshes the
/// session that all of that SDR's queued briefs use, and the token cache holds one entry per SDR.
/// </summary>
public static class BriefMailSessions
{
    public static string KeyFor(string sdrEmail) => $"handoff-brief-mail:{sdrEmail.Trim().ToLowerInvariant()}";

    /// <summary>The delegated scope a brief is sent with: Mail.Send on the configured Graph resource.</summary>
    public static IReadOnlyList<string> Scopes(GraphOptions graph) => [$"{GraphCredentials.ResourceFor(graph.BaseUri)}/Mail.Send"];
}

/// <summary>A delegated Graph token for a long-running on-behalf-of session (implemented at the edge with Microsoft.Identity.Web).</summary>
public interface IDelegatedMailTokens
{
    /// <summary>
    /// A token for <paramref name="scopes"/> from the session <paramref name="sessionKey"/> (cached, or refreshed with the
    /// refresh token MSAL keeps); throws <see cref="DelegatedAccessException"/> when the SDR or an admin must act.
    /// </summary>
    Task<string> GetTokenAsync(string sessionKey, IReadOnlyList<string> scopes, string? claims, CancellationToken cancellationToken);
}

/// <summary>An app-only Graph token from the API's own Entra registration (the AzureAd credential), for sendMail from a mailbox.</summary>
public interface IAppTokenSource
{
    Task<string> GetTokenAsync(string scope, CancellationToken cancellationToken);
}
