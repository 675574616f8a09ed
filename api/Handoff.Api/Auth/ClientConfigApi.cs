using Microsoft.AspNetCore.Http.HttpResults;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Handoff.Api.Auth;

public sealed record ClientAuthInfo(AuthMode Mode);

/// <param name="ApiScope">The scope the add-in asks Entra for: "api://&lt;client-id&gt;/access_as_user".</param>
public sealed record EntraClientConfig(string ClientId, string TenantId, string ApiScope);

/// <param name="AuthMode">How the add-in signs in: Demo (no token), LocalJwt (a token pasted by the user), Entra (SSO).</param>
/// <param name="ApiBaseUrl">Null: the add-in calls the origin that served it.</param>
public sealed record ClientConfig(
    [property: AllowedValues(nameof(Auth.AuthMode.Demo), nameof(Auth.AuthMode.LocalJwt), nameof(Auth.AuthMode.Entra))] string AuthMode,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ApiBaseUrl,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] EntraClientConfig? Entra);

/// <summary>What the add-in needs before sign-in. Anonymous; holds no secrets.</summary>
public static class ClientConfigApi
{
    public static RouteHandlerBuilder MapClientConfig(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/client-config", Get).WithTags("Add-in").WithName("GetClientConfig")
            .WithSummary("How the add-in signs in (anonymous)").AllowAnonymous();

    public static Ok<ClientConfig> Get(ClientAuthInfo auth, IConfiguration config)
    {
        EntraClientConfig? entra = null;
        if (auth.Mode == AuthMode.Entra)
        {
            var ad = config.GetSection("AzureAd");
            // Entra mode starts only with both set (EntraSettings refuses a half-configured AzureAd section).
            if (ad["ClientId"] is { Length: > 0 } clientId && ad["TenantId"] is { Length: > 0 } tenantId)
            {
                entra = new EntraClientConfig(clientId, tenantId, $"api://{clientId}/access_as_user");
            }
        }
        return TypedResults.Ok(new ClientConfig(auth.Mode.ToString(), null, entra));
    }
}
