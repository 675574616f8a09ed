using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Handoff.Graph.Fake;

/// <summary>
/// A Microsoft Entra ID-shaped identity provider for one tenant and one confidential app (the Handoff API), so the
/// real Microsoft.Identity.Web / MSAL.NET code runs offline: OpenID metadata, JWKS, instance discovery, and a v2.0
/// token endpoint that accepts the on-behalf-of grant (<c>urn:ietf:params:oauth:grant-type:jwt-bearer</c>). It mints
/// the SDR tokens the add-in would get (scope access_as_user), hands each exchanged Graph token to a
/// <see cref="FakeGraph"/>, records every token request, and answers scripted AADSTS errors.
/// </summary>
public sealed class FakeEntra(string tenantId, string clientId, string clientSecret, FakeGraph? graph = null)
{
    public const string JwtBearerGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    public const string Host = "login.microsoftonline.com";

    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "fake-entra-key-1" };
    private readonly ConcurrentQueue<FakeEntraError> _errors = new();
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _tokenRequests = new();
    private int _issued;

    public string TenantId { get; } = tenantId;
    public string ClientId { get; } = clientId;
    public string ClientSecret { get; } = clientSecret;

    public string Instance => $"https://{Host}/";
    public string Issuer => $"https://{Host}/{TenantId}/v2.0";

    /// <summary>How long issued Graph tokens live (MSAL reuses them until about 5 minutes before expiry).</summary>
    public TimeSpan GraphTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Every request to the token endpoint, as form fields, in arrival order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> TokenRequests => _tokenRequests.ToArray();

    /// <summary>The next token requests fail, one error each, in order.</summary>
    public FakeEntra Enqueue(params FakeEntraError[] errors)
    {
        foreach (var error in errors)
        {
            _errors.Enqueue(error);
        }
        return this;
    }

    /// <summary>The token the add-in would get from NAA for the API: v2.0, aud = the API's client id, scp = access_as_user.</summary>
    public string MintUserToken(string objectId, string userName, string[]? roles = null, string scope = "access_as_user", TimeSpan? lifetime = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ClientId,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now + (lifetime ?? TimeSpan.FromHours(1)),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object>
            {
                ["ver"] = "2.0",
                ["tid"] = TenantId,
                ["oid"] = objectId,
                ["sub"] = $"sub-{objectId}",
                ["azp"] = "ea5a67f6-b6f3-4338-b240-c655ddc3cc8e", // the Office broker that fronts NAA
                ["preferred_username"] = userName,
                ["name"] = userName,
                ["scp"] = scope,
                ["roles"] = roles ?? ["Handoff.Sdr"],
            },
        });
    }

    internal JsonObject Metadata(string tenant)
    {
        var issuer = tenant is "common" or "organizations" ? $"https://{Host}/{{tenantid}}/v2.0" : Issuer;
        var root = $"https://{Host}/{tenant}";
        return new JsonObject
        {
            ["issuer"] = issuer,
            ["authorization_endpoint"] = $"{root}/oauth2/v2.0/authorize",
            ["token_endpoint"] = $"{root}/oauth2/v2.0/token",
            ["jwks_uri"] = $"{root}/discovery/v2.0/keys",
            ["response_types_supported"] = new JsonArray("code", "id_token", "code id_token", "id_token token"),
            ["subject_types_supported"] = new JsonArray("pairwise"),
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_post", "private_key_jwt", "client_secret_basic"),
            ["tenant_region_scope"] = "NA",
            ["cloud_instance_name"] = "microsoftonline.com",
        };
    }

    internal JsonObject Keys()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(_key);
        return new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA", ["use"] = "sig", ["kid"] = jwk.Kid, ["n"] = jwk.N, ["e"] = jwk.E, ["issuer"] = Issuer,
            }),
        };
    }

    internal static JsonObject InstanceDiscovery(string? authorizationEndpoint) => new()
    {
        ["tenant_discovery_endpoint"] = authorizationEndpoint?.Replace("oauth2/v2.0/authorize", "v2.0/.well-known/openid-configuration", StringComparison.Ordinal),
        ["api-version"] = "1.1",
        ["metadata"] = new JsonArray(new JsonObject
        {
            ["preferred_network"] = Host,
            ["preferred_cache"] = "login.windows.net",
            ["aliases"] = new JsonArray(Host, "login.windows.net", "login.microsoft.com", "sts.windows.net"),
        }),
    };

    /// <summary>The token endpoint: the on-behalf-of exchange, checked the way Entra checks it.</summary>
    internal async Task<(int Status, JsonObject Body)> TokenAsync(IReadOnlyDictionary<string, string> form)
    {
        _tokenRequests.Enqueue(form);
        if (_errors.TryDequeue(out var scripted))
        {
            return (scripted.Status, scripted.ToJson());
        }
        if (form.GetValueOrDefault("client_id") != ClientId || form.GetValueOrDefault("client_secret") != ClientSecret)
        {
            return (401, FakeEntraError.InvalidClient.ToJson());
        }
        var scopes = (form.GetValueOrDefault("scope") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        switch (form.GetValueOrDefault("grant_type"))
        {
            case "client_credentials":
                return AppToken(scopes);
            case "refresh_token":
                return Refresh(form.GetValueOrDefault("refresh_token"), scopes);
            case JwtBearerGrant when form.GetValueOrDefault("requested_token_use") == "on_behalf_of":
                break;
            default:
                return (400, new FakeEntraError(400, "unsupported_grant_type", 70003, "AADSTS70003: The app requested an unsupported grant type.").ToJson());
        }
        var check = await new JsonWebTokenHandler().ValidateTokenAsync(form.GetValueOrDefault("assertion"), new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudiences = [ClientId, $"api://{ClientId}"],
            IssuerSigningKey = _key,
        });
        if (!check.IsValid)
        {
            return (400, new FakeEntraError(400, "invalid_grant", 50013, "AADSTS50013: Assertion failed signature validation or is expired.").ToJson());
        }
        var user = check.Claims.TryGetValue("preferred_username", out var name) ? name.ToString()! : "unknown";
        return UserTokens(check.Claims["oid"].ToString()!, user, scopes);
    }

    /// <summary>Refresh tokens issued (with offline_access, as for long-running on-behalf-of), and whose session each continues.</summary>
    private readonly ConcurrentDictionary<string, (string Oid, string User)> _refreshTokens = new(StringComparer.Ordinal);

    /// <summary>Ends every session the refresh tokens carry (a password reset, a revoked session): the next refresh gets AADSTS50173.</summary>
    public void RevokeRefreshTokens() => _refreshTokens.Clear();

    private (int Status, JsonObject Body) UserTokens(string oid, string user, string[] requested)
    {
        var scopes = requested.Where(s => s is not "openid" and not "profile" and not "offline_access").ToArray();
        var token = $"fake-graph-token.{oid}.{Interlocked.Increment(ref _issued)}";
        graph?.DelegatedTokens.TryAdd(token, user);
        graph?.DelegatedScopes.TryAdd(token, scopes);
        var body = new JsonObject
        {
            ["token_type"] = "Bearer",
            ["scope"] = string.Join(' ', scopes),
            ["expires_in"] = (int)GraphTokenLifetime.TotalSeconds,
            ["ext_expires_in"] = (int)GraphTokenLifetime.TotalSeconds,
            ["access_token"] = token,
        };
        if (requested.Contains("offline_access"))
        {
            var refresh = $"fake-refresh-token.{oid}.{Guid.NewGuid():N}";
            _refreshTokens[refresh] = (oid, user);
            body["refresh_token"] = refresh;
        }
        return (200, body);
    }

    private (int Status, JsonObject Body) Refresh(string? refreshToken, string[] scopes) =>
        refreshToken is not null && _refreshTokens.TryGetValue(refreshToken, out var session)
            ? UserTokens(session.Oid, session.User, scopes)
            : (400, FakeEntraError.SessionExpired.ToJson());

    private (int Status, JsonObject Body) AppToken(string[] scopes)
    {
        if (!scopes.All(s => s.EndsWith("/.default", StringComparison.Ordinal)))
        {
            return (400, new FakeEntraError(400, "invalid_scope", 1002012, "AADSTS1002012: The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.").ToJson());
        }
        var token = $"fake-app-token.{Interlocked.Increment(ref _issued)}";
        graph?.AppTokens.TryAdd(token, true);
        return (200, new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)GraphTokenLifetime.TotalSeconds,
            ["ext_expires_in"] = (int)GraphTokenLifetime.TotalSeconds,
            ["access_token"] = token,
        });
    }
}

/// <summary>An error the token endpoint answers, shaped like Entra's (AADSTS code, sub-error, claims challenge).</summary>
public sealed record FakeEntraError(int Status, string Error, int Code, string Description, string? SubError = null, string? Claims = null)
{
    /// <summary>Nobody consented to the delegated Graph permission for this app.</summary>
    public static FakeEntraError ConsentRequired => new(400, "invalid_grant", 65001,
        "AADSTS65001: The user or administrator has not consented to use the application with ID 'handoff'. Send an interactive authorization request for this user and resource.", "consent_required");

    /// <summary>A Conditional Access policy wants MFA: the claims challenge goes back to the client.</summary>
    public static FakeEntraError MfaRequired => new(400, "interaction_required", 50076,
        "AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access 'Microsoft Graph'.",
        null, """{"access_token":{"capolids":{"essential":true,"values":["c1"]}}}""");

    /// <summary>The SDR's session is over (refresh token expired or revoked, password changed).</summary>
    public static FakeEntraError SessionExpired => new(400, "invalid_grant", 50173,
        "AADSTS50173: The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password.");

    /// <summary>The API's own client secret is wrong or expired.</summary>
    public static FakeEntraError InvalidClient => new(401, "invalid_client", 7000215,
        "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.");

    internal JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["error"] = Error,
            ["error_description"] = Description,
            ["error_codes"] = new JsonArray(Code),
            ["timestamp"] = "2026-12-04 12:00:00Z",
            ["trace_id"] = Guid.NewGuid().ToString(),
            ["correlation_id"] = Guid.NewGuid().ToString(),
        };
        if (SubError is not null) json["suberror"] = SubError;
        if (Claims is not null) json["claims"] = Claims;
        return json;
    }
}
