using Microsoft.AspNetCore.Http.Metadata;

namespace Handoff.Api.Infrastructure;

/// <summary>
/// A 415 says which content types the operation takes, in the detail and as an "accepted" list, whether the
/// framework refused the body (JSON endpoints) or the handler did (the CSV/JSON territory import).
/// </summary>
public static class UnsupportedMediaType
{
    public static IResult Problem(HttpRequest request, params string[] accepted) =>
        TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type.",
            detail: Detail(request, accepted), extensions: new Dictionary<string, object?> { ["accepted"] = accepted });

    internal static void Explain(ProblemDetailsContext ctx)
    {
        if (ctx.ProblemDetails.Status != StatusCodes.Status415UnsupportedMediaType || ctx.ProblemDetails.Extensions.ContainsKey("accepted"))
        {
            return;
        }
        var accepted = ctx.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.ToArray() is { Length: > 0 } types
            ? types
            : ["application/json"];
        ctx.ProblemDetails.Title = "Unsupported content type.";
        ctx.ProblemDetails.Detail = Detail(ctx.HttpContext.Request, accepted);
        ctx.ProblemDetails.Extensions["accepted"] = accepted;
    }

    private static string Detail(HttpRequest request, string[] accepted) =>
        $"Send the body with Content-Type {string.Join(" or ", accepted)} " +
        (string.IsNullOrEmpty(request.ContentType) ? "(the request had no Content-Type)." : $"(the request had '{request.ContentType}').");
}
