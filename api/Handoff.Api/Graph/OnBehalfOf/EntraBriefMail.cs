using Handoff.Graph;
using Handoff.Graph.Mail;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;
using Microsoft.Extensions.Options;

namespace Handoff.Api.Graph.OnBehalfOf;

/// <summary>
/// Mail as the SDR from a background worker, with Microsoft.Identity.Web's long-running on-behalf-of flow: when a handoff
/// is recorded (the SDR's request, their token at hand) <see cref="StartAsync"/> exchanges that token for a delegated
/// Mail.Send token under the SDR's session key, and MSAL keeps the access and refresh tokens in its token cache. The outbox
/// worker, with no request and no SDR token, asks for the same session key (<see cref="GetTokenAsync"/>): MSAL answers
/// from the cache or redeems the refresh token, so a brief goes out after the SDR's own token has expired, retries and
/// restarts included as long as the cache survives (a shared distributed cache does; the in-process one dies with it).
/// </summary>
internal sealed class EntraBriefMail(IServiceScopeFactory scopeFactory, IHttpContextAccessor http, IOptions<GraphOptions> graph, ILogger<EntraBriefMail> logger)
    : IDelegatedMailTokens, IBriefMailSessionStarter
{
    /// <summary>Starts (or renews) the SDR's mail session; null when it worked, else why not (kept on the queued brief).</summary>
    public async Task<string?> StartAsync(string sdrEmail, CancellationToken cancellationToken)
    {
        var scopes = BriefMailSessions.Scopes(graph.Value);
        if (http.HttpContext is not { } context)
        {
            return "no SDR request to start the mail session from";
        }
        var tokens = context.RequestServices.GetRequiredService<ITokenAcquisition>();
        try
        {
            await tokens.GetAccessTokenForUserAsync(scopes, user: context.User, tokenAcquisitionOptions: new TokenAcquisitionOptions
            {
                LongRunningWebApiSessionKey = BriefMailSessions.KeyFor(sdrEmail),
                CancellationToken = cancellationToken,
            }).ConfigureAwait(false);
            return null;
        }
        catch (Exception e) when (e is MsalException or MicrosoftIdentityWebChallengeUserException)
        {
            var problem = Map(e);
            logger.MailSessionNotStarted(e, problem.Problem);
            return $"{problem.Reason} ({problem.Message})";
        }
    }

    public async Task<string> GetTokenAsync(string sessionKey, IReadOnlyList<string> scopes, string? claims, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<ITokenAcquisition>();
        try
        {
            // No user and no request: Microsoft.Identity.Web continues the long-running session by its key.
            return await tokens.GetAccessTokenForUserAsync(scopes, tokenAcquisitionOptions: new TokenAcquisitionOptions
            {
                LongRunningWebApiSessionKey = sessionKey,
                Claims = claims,
                CancellationToken = cancellationToken,
            }).ConfigureAwait(false);
        }
        catch (MsalClientException e) when (e.ErrorCode == MsalError.OboCacheKeyNotInCacheError)
        {
            throw new DelegatedAccessException(DelegatedAccessProblem.SignInAgain,
                "Handoff holds no Microsoft 365 mail session for this SDR (none was started when the handoff was recorded, or the token cache was lost); record the handoff again from the pane.", null, e);
        }
        catch (Exception e) when (e is MsalException or MicrosoftIdentityWebChallengeUserException)
        {
            throw Map(e);
        }
    }

    private static DelegatedAccessException Map(Exception e) => e switch
    {
        MicrosoftIdentityWebChallengeUserException challenge => EntraOnBehalfOf.Map(challenge.MsalUiRequiredException),
        MsalUiRequiredException ui => EntraOnBehalfOf.Map(ui),
        MsalServiceException service when EntraOnBehalfOf.IsConsent(service.ErrorCode, service.Message) =>
            new DelegatedAccessException(DelegatedAccessProblem.AdminConsent, service.Message, service.Claims, service),
        MsalServiceException { ErrorCode: "invalid_grant" } grant => new DelegatedAccessException(DelegatedAccessProblem.SignInAgain, grant.Message, grant.Claims, grant),
        _ => new DelegatedAccessException(DelegatedAccessProblem.Unavailable, e.Message, null, e),
    };
}

/// <summary>App-only Graph tokens from the API's own registration (AzureAd's credential), for briefs sent from a mailbox.</summary>
internal sealed class EntraAppTokens(IServiceScopeFactory scopes) : IAppTokenSource
{
    public async Task<string> GetTokenAsync(string scope, CancellationToken cancellationToken)
    {
        await using var created = scopes.CreateAsyncScope();
        var tokens = created.ServiceProvider.GetRequiredService<ITokenAcquisition>();
        return await tokens.GetAccessTokenForAppAsync(scope, tokenAcquisitionOptions: new TokenAcquisitionOptions { CancellationToken = cancellationToken })
            .ConfigureAwait(false);
    }
}

/// <summary>Starts the SDR's delegated mail session while their request is at hand (the recorder calls it before queuing a brief).</summary>
public interface IBriefMailSessionStarter
{
    Task<string?> StartAsync(string sdrEmail, CancellationToken cancellationToken);
}

internal static partial class BriefMailLog
{
    [LoggerMessage(EventId = 4102, Level = Microsoft.Extensions.Logging.LogLevel.Warning, Message = "Could not start the SDR's mail session ({Problem}); their brief waits for a session from a later recording")]
    public static partial void MailSessionNotStarted(this ILogger logger, Exception exception, DelegatedAccessProblem problem);
}
