using Microsoft.Kiota.Abstractions.Authentication;

namespace Handoff.Graph;

/// <summary>
/// The signed-in SDR's Graph token, obtained on their behalf (OAuth 2.0 on-behalf-of). Implemented at the edge
/// (the API exchanges the SDR's own token with Microsoft.Identity.Web), so this adapter stays free of ASP.NET.
/// </summary>
public interface IDelegatedTokenSource
{
    /// <summary>
    /// Who is calling, as a stable key (tenant and object id): the "me" whose mailbox hosts getSchedule, whose
    /// concurrency budget a call spends and whose view of the RSMs' sharing a cached schedule holds.
    /// </summary>
    string? CallerKey { get; }

    /// <summary>A Graph access token for <paramref name="scopes"/>; throws <see cref="DelegatedAccessException"/> when the SDR or an admin must act.</summary>
    Task<string> GetTokenAsync(IReadOnlyList<string> scopes, CancellationToken cancellationToken);
}

/// <summary>What a person must do before Graph can be read on the SDR's behalf.</summary>
public enum DelegatedAccessProblem
{
    /// <summary>The session expired, or Entra wants MFA / a Conditional Access step: the SDR signs in again.</summary>
    SignInAgain,
    /// <summary>Nobody consented to the Graph permission for this app: an admin must grant consent.</summary>
    AdminConsent,
    /// <summary>No token could be had for another reason (Entra unreachable, the app's own credential refused).</summary>
    Unavailable,
}

/// <summary>The token exchange failed in a way the SDR can be told about (see <see cref="Problem"/>).</summary>
public sealed class DelegatedAccessException(DelegatedAccessProblem problem, string message, string? claims = null, Exception? inner = null)
    : Exception(message, inner)
{
    public DelegatedAccessProblem Problem { get; } = problem;

    /// <summary>A claims challenge from Entra (Conditional Access) for the client's next interactive sign-in.</summary>
    public string? Claims { get; } = claims;

    /// <summary>The cause in the SDR's words, to follow "Could not verify the RSM's calendar: ".</summary>
    public string Reason => Problem switch
    {
        DelegatedAccessProblem.SignInAgain => "Microsoft 365 needs you to sign in to Handoff again",
        DelegatedAccessProblem.AdminConsent => "your Microsoft 365 admin must consent to Handoff reading calendars",
        _ => "Handoff could not get access to Microsoft 365 for you",
    };
}

/// <summary>Signs Graph requests with the SDR's exchanged token; like the SDK's providers, only for the configured host.</summary>
internal sealed class DelegatedAccessTokenProvider(IDelegatedTokenSource source, string host, IReadOnlyList<string> scopes) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new([host]);

    public async Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
        AllowedHostsValidator.IsUrlHostValid(uri) ? await source.GetTokenAsync(scopes, cancellationToken).ConfigureAwait(false) : string.Empty;
}
