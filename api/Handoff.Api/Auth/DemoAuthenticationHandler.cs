using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Handoff.Api.Auth;

/// <summary>Demo mode: every caller is "demo" with both roles. Only allowed while the API listens on loopback.</summary>
public sealed class DemoAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private static readonly ClaimsPrincipal Demo = new(new ClaimsIdentity(
        [
            new Claim("name", "demo"),
            new Claim("oid", "demo"),
            // The simulated invite's organizer, so handoffs recorded in Demo mode belong to the demo SDR.
            new Claim("preferred_username", "sdr@example.com"),
            new Claim("roles", Roles.Admin),
            new Claim("roles", Roles.Sdr),
        ],
        AuthSetup.DemoScheme, "name", "roles"));

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(Demo, AuthSetup.DemoScheme)));
}
