using Microsoft.AspNetCore.Http.HttpResults;

namespace Handoff.Api.Admin.Common;

/// <summary>The admin API's expected failures, as problem details that tell an admin what to do next.</summary>
public static class AdminProblems
{
    public static ProblemHttpResult NotFound(string what, Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No such {what}.", detail: $"No {what} has the id {id}.");

    public static ProblemHttpResult PreconditionRequired(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match is required.",
            detail: $"Send the ETag of the {what} you read as If-Match (e.g. If-Match: \"3\"), so nobody else's edit is overwritten.");

    public static ProblemHttpResult Stale(string what, int? currentVersion) =>
        TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: $"The {what} was changed by someone else.",
            detail: $"Someone changed this {what} since you read it. Read it again, re-apply your change and retry with the new ETag.",
            extensions: currentVersion is { } v ? new Dictionary<string, object?> { ["currentVersion"] = v } : null);

    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
