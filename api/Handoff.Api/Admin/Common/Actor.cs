using System.Security.Claims;

namespace Handoff.Api.Admin.Common;

/// <summary>Who is making a change, as the audit log records it: the token's name and object id (or subject).</summary>
public sealed record Actor(string Name, string? Id)
{
    public static Actor From(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue("oid") ?? user.FindFirstValue("http://schemas.microsoft.com/identity/claims/objectidentifier")
            ?? user.FindFirstValue("sub") ?? user.FindFirstValue(ClaimTypes.NameIdentifier);
        var name = user.FindFirstValue("name") ?? user.FindFirstValue("preferred_username") ?? user.Identity?.Name ?? id ?? "unknown";
        return new Actor(name, id);
    }
}
