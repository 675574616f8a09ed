using Handoff.Graph;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;

namespace Handoff.Api.Graph.OnBehalfOf;

/// <summary>
/// Exchanges the SDR's token (the one this request came with, scope access_as_user) for a delegated Graph token
/// with Microsoft.Identity.Web's token acquisition (OAuth 2.0 on-behalf-of). MSAL caches the result per incoming
/// token, so an SDR's checks within the hour cost one exchange. Failures become what a person must do.
/// </summary>
/// <remarks>A singleton like the Graph reader; token acquisition is scoped, so it comes from the SDR's request.</remarks>
internal sealed class EntraOnBehalfOf(IHttpContextAccessor http, ILogger<EntraOnBehalfOf> logger) : IDelegatedTokenSource
{
    public string? CallerKey => http.HttpContext?.User is { } user && user.GetObjectId() is { Length: > 0 } oid
        ? $"{oid}@{user.GetTenantId()}"
        : null;

    public async Task<string> GetTokenAsync(IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        var context = http.HttpContext
            ?? throw new DelegatedAccessException(DelegatedAccessProblem.Unavailable, "On-behalf-of access needs the SDR's request; there is none.");
        var tokens = context.RequestServices.GetRequiredService<ITokenAcquisition>();
        try
        {
            return await tokens.GetAccessTokenForUserAsync(scopes, user: context.User,
                tokenAcquisitionOptions: new TokenAcquisitionOptions { CancellationToken = cancellationToken }).ConfigureAwait(false);
        }
        catch (MicrosoftIdentityWebChallengeUserException challenge)
        {
            throw Report(context, Map(challenge.MsalUiRequiredException));
        }
        catch (MsalUiRequiredException ui)
        {
            throw Report(context, Map(ui));
        }
        catch (MsalServiceException service) when (IsConsent(service.ErrorCode, service.Message))
        {
            throw Report(context, new DelegatedAccessException(DelegatedAccessProblem.AdminConsent, service.Message, service.Claims, service));
        }
        catch (MsalException msal)
        {
            // Entra unreachable, the app's own secret refused (invalid_client) …: the SDR can't fix it; the log says why.
            logger.ExchangeFailed(msal, msal.ErrorCode);
            throw Report(context, new DelegatedAccessException(DelegatedAccessProblem.Unavailable, msal.Message, null, msal));
        }
    }

    /// <summary>
    /// invalid_grant / interaction_required from Entra: consent missing (AADSTS65001, sub-error consent_required)
    /// needs an admin; an expired or revoked session, MFA or a Conditional Access step needs the SDR to sign in.
    /// </summary>
    internal static DelegatedAccessException Map(MsalUiRequiredException e) =>
        e.Classification == UiRequiredExceptionClassification.ConsentRequired || IsConsent(e.ErrorCode, e.Message)
            ? new DelegatedAccessException(DelegatedAccessProblem.AdminConsent, e.Message, e.Claims, e)
            : new DelegatedAccessException(DelegatedAccessProblem.SignInAgain, e.Message, e.Claims, e);

    internal static bool IsConsent(string? code, string message) =>
        code == "consent_required" || message.Contains("AADSTS65001", StringComparison.Ordinal);

    private static DelegatedAccessException Report(HttpContext context, DelegatedAccessException problem)
    {
        context.RequestServices.GetService<CalendarAccess>()?.Report(problem);
        return problem;
    }
}

internal static partial class OnBehalfOfLog
{
    [LoggerMessage(EventId = 4101, Level = Microsoft.Extensions.Logging.LogLevel.Warning, Message = "The on-behalf-of token exchange failed ({MsalError}); calendars are read as unavailable")]
    public static partial void ExchangeFailed(this ILogger logger, Exception exception, string msalError);
}
