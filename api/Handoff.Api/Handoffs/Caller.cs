using System.Security.Claims;
using Handoff.Api.Admin.Common;
using Handoff.Api.Auth;

namespace Handoff.Api.Handoffs;

/// <summary>Who is asking, for handoffs: their e-mail (the key records are owned and addressed by) and whether they see all.</summary>
public sealed record Caller(string Key, string? Email, string Name, bool IsAdmin)
{
    public static Caller From(ClaimsPrincipal user)
    {
        var actor = Actor.From(user);
        var email = new[] { "preferred_username", "email", "upn", ClaimTypes.Email, ClaimTypes.Upn }
            .Select(user.FindFirstValue).FirstOrDefault(v => v is not null && v.Contains('@'))?.Trim();
        var key = email?.ToLowerInvariant() ?? $"id:{actor.Id ?? actor.Name}";
        return new Caller(key, email, actor.Name, user.IsInRole(Roles.Admin));
    }
}
