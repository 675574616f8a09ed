using Handoff.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Handoff.Api.Admin.Common;

/// <summary>
/// ETags are the row version in quotes ("3"). If-Match uses RFC 9110's strong comparison, so a weak W/"3" never
/// matches; a bare 3 (what people type after reading "version": 3) is taken as the tag "3".
/// </summary>
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
            if (raw == "*" || raw == ETagOf(version) || (IsBareTag(raw) && raw == version.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>An unquoted value: no quotes and not a weak tag (W/ is never a strong match).</summary>
    private static bool IsBareTag(string value) => !value.Contains('"', StringComparison.Ordinal) && !value.StartsWith("W/", StringComparison.Ordinal);

    /// <summary>
    /// The row a PUT or DELETE may change, or why not: 428 without If-Match (no blind overwrites), 404 when there is
    /// no such row, 412 when If-Match names an older version. Exactly one of the pair is set.
    /// </summary>
    public static async Task<(T? Entity, ProblemHttpResult? Problem)> FindForWriteAsync<T>(
        this IQueryable<T> rows, Guid id, string? ifMatch, string what, CancellationToken ct) where T : class, IVersioned
    {
        if (ifMatch is null)
        {
            return (null, AdminProblems.PreconditionRequired(what));
        }
        var entity = await rows.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (entity is null)
        {
            return (null, AdminProblems.NotFound(what, id));
        }
        return Matches(ifMatch, entity.Version) ? (entity, null) : (null, AdminProblems.Stale(what, entity.Version));
    }
}
