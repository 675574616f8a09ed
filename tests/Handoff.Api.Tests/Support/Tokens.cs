using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Handoff.Api.Tests.Support;

/// <summary>Mints LocalJwt tokens the way a self-hosted issuer would (lifetimes are checked against the real clock).</summary>
public static class Tokens
{
    public const string Issuer = "https://issuer.handoff.test";
    public const string Audience = "api://handoff-test";
    public static readonly string SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    public static readonly string OtherKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static Dictionary<string, string?> Settings => new()
    {
        ["Auth:Mode"] = "LocalJwt",
        ["Auth:LocalJwt:Issuer"] = Issuer,
        ["Auth:LocalJwt:Audience"] = Audience,
        ["Auth:LocalJwt:SigningKey"] = SigningKey,
    };

    public static string Mint(
        string[] roles, string issuer = Issuer, string audience = Audience, string? key = null, TimeSpan? expiresIn = null, SigningCredentials? credentials = null,
        string? email = null)
    {
        var claims = new Dictionary<string, object>
        {
            ["roles"] = roles,
            ["name"] = email ?? "Test Admin",
            ["oid"] = email is null ? "00000000-0000-0000-0000-0000000000aa" : $"oid-{email}",
        };
        if (email is not null)
        {
            claims["preferred_username"] = email;
        }
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromHours(1));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expires.AddHours(-2) < now ? expires.AddHours(-2) : now,
            NotBefore = expires.AddHours(-2) < now ? expires.AddHours(-2) : now,
            Expires = expires,
            Claims = claims,
            SigningCredentials = credentials ?? new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(key ?? SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}
