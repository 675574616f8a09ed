using Handoff.Storage;

namespace Handoff.Api.Admin.Common;

/// <summary>ETags are the row version in quotes ("3"); If-Match uses the strong comparison, so W/"3" never matches.</summary>
public static class Preconditions
{
    public static string ETagOf(int version) => $"\"{version}\"";

    public static void SetETag(this HttpContext context, IVersioned entity) =>
        context.Response.Headers.ETag = ETagOf(entity.Version);

    /// <summary>True when the If-Match header lists the entity's current version (or is "*").</summary>
    public static bool Matches(string ifMatch, int version)
    {
        foreach (var raw in ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw == "*" || raw == ETagOf(version))
            {
                return true;
            }
        }
        return false;
    }
}
