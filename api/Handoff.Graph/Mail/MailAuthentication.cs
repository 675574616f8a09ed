using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Handoff.Graph.Mail;

/// <summary>Names, on one sendMail request, whose long-running session signs it (the SDR the brief is sent as).</summary>
internal sealed class SdrMailSession(string key) : IRequestOption
{
    public string Key { get; } = key;
}

/// <summary>
/// Signs <c>/me/sendMail</c> with the SDR's delegated token from the session the request names. Like the SDK's own
/// providers it signs only requests to the configured Graph host, and passes a claims challenge (continuous access
/// evaluation) on to the token request.
/// </summary>
internal sealed class SdrMailAuthenticationProvider(IDelegatedMailTokens tokens, string host, IReadOnlyList<string> scopes) : IAuthenticationProvider
{
    private const string Authorization = "Authorization";
    private readonly AllowedHostsValidator _hosts = new([host]);

    public async Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        if (!_hosts.IsUrlHostValid(request.URI))
        {
            return;
        }
        var session = request.RequestOptions.OfType<SdrMailSession>().FirstOrDefault()
            ?? throw new InvalidOperationException("A delegated sendMail request must name the SDR's mail session.");
        var claims = additionalAuthenticationContext?.GetValueOrDefault("claims") as string;
        var token = await tokens.GetTokenAsync(session.Key, scopes, claims, cancellationToken).ConfigureAwait(false);
        request.Headers.Remove(Authorization);
        request.Headers.Add(Authorization, $"Bearer {token}");
    }
}

/// <summary>App-only tokens from the API's Entra registration, for the configured Graph host only.</summary>
internal sealed class AppAccessTokenProvider(IAppTokenSource source, string host, string scope) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new([host]);

    public async Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
        AllowedHostsValidator.IsUrlHostValid(uri) ? await source.GetTokenAsync(scope, cancellationToken).ConfigureAwait(false) : string.Empty;
}
