using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Handoff.Api.Auth;

/// <summary>"Auth:LocalJwt": tokens this deployment signs itself (HS256 with a shared key, or RS256 with a key pair).</summary>
public sealed class LocalJwtOptions
{
    public const string Section = "Auth:LocalJwt";

    public string? Issuer { get; set; }
    public string? Audience { get; set; }
    /// <summary>Base64 of at least 32 random bytes, for HS256.</summary>
    public string? SigningKey { get; set; }
    /// <summary>PEM of the RSA public key, for RS256 (instead of <see cref="SigningKey"/>).</summary>
    public string? RsaPublicKeyPem { get; set; }

    /// <summary>Null when usable, else what is missing.</summary>
    public string? Validate()
    {
        if (string.IsNullOrWhiteSpace(Issuer) || string.IsNullOrWhiteSpace(Audience))
        {
            return "Auth:LocalJwt:Issuer and Auth:LocalJwt:Audience are required.";
        }
        if (string.IsNullOrWhiteSpace(SigningKey) == string.IsNullOrWhiteSpace(RsaPublicKeyPem))
        {
            return "Set exactly one of Auth:LocalJwt:SigningKey (base64, HS256) and Auth:LocalJwt:RsaPublicKeyPem (RS256).";
        }
        if (SigningKey is { Length: > 0 } key && (!TryBase64(key, out var bytes) || bytes.Length < 32))
        {
            return "Auth:LocalJwt:SigningKey must be base64 of at least 32 bytes (e.g. `openssl rand -base64 32`).";
        }
        return null;
    }

    public SecurityKey Key()
    {
        if (SigningKey is { Length: > 0 } key)
        {
            return new SymmetricSecurityKey(Convert.FromBase64String(key));
        }
        var rsa = RSA.Create();
        rsa.ImportFromPem(RsaPublicKeyPem);
        return new RsaSecurityKey(rsa);
    }

    private static bool TryBase64(string text, out byte[] bytes)
    {
        bytes = new byte[text.Length];
        if (Convert.TryFromBase64String(text.Trim(), bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }
        return false;
    }
}

/// <summary>Points the JWT bearer handler at the local issuer, audience and key; "roles" and "name" as Entra sends them.</summary>
internal sealed class LocalJwtBearerSetup(IOptions<LocalJwtOptions> local) : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme || local.Value.Validate() is not null)
        {
            return;
        }
        var o = local.Value;
        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = o.Issuer,
            ValidAudience = o.Audience,
            IssuerSigningKey = o.Key(),
            ValidAlgorithms = o.SigningKey is { Length: > 0 } ? [SecurityAlgorithms.HmacSha256] : [SecurityAlgorithms.RsaSha256],
            RoleClaimType = "roles",
            NameClaimType = "name",
            ClockSkew = TimeSpan.FromMinutes(1),
        };
    }

    public void Configure(JwtBearerOptions options) => Configure(JwtBearerDefaults.AuthenticationScheme, options);
}

internal sealed class LocalJwtOptionsValidator : IValidateOptions<LocalJwtOptions>
{
    public ValidateOptionsResult Validate(string? name, LocalJwtOptions options) =>
        options.Validate() is { } error ? ValidateOptionsResult.Fail(error) : ValidateOptionsResult.Success;
}
