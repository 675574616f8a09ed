using Microsoft.Kiota.Abstractions.Authentication;

namespace Handoff.Graph;

/// <summary>
/// A fixed bearer token (local trials with a token from Graph Explorer). Like the SDK's own providers it
/// sends the token only to the allowed host, so a redirect or a mistyped link cannot leak it.
/// </summary>
internal sealed class StaticAccessTokenProvider(string token, string host) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new([host]);

    public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(AllowedHostsValidator.IsUrlHostValid(uri) ? token : string.Empty);
}
