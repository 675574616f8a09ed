using Microsoft.AspNetCore.Http.HttpResults;

namespace Handoff.Api.Admin.Common;

/// <summary>One page of a list, with the total count so a client can show "1–50 of 312".</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>Page numbers start at 1; the page size is 1–500 (default 50).</summary>
    public static bool TryRead(int? page, int? pageSize, out (int Page, int Size) paging, out ValidationProblem? problem)
    {
        paging = (page ?? 1, pageSize ?? DefaultPageSize);
        var errors = new Dictionary<string, string[]>();
        if (paging.Page < 1)
        {
            errors["page"] = ["'page' starts at 1."];
        }
        if (paging.Size is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"'pageSize' must be between 1 and {MaxPageSize}."];
        }
        problem = errors.Count == 0 ? null : TypedResults.ValidationProblem(errors);
        return problem is null;
    }

    public static IQueryable<T> PageOf<T>(this IQueryable<T> query, (int Page, int Size) paging) =>
        query.Skip((paging.Page - 1) * paging.Size).Take(paging.Size);
}
