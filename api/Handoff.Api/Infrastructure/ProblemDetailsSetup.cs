using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Handoff.Api.Infrastructure;

/// <summary>Every error leaves as application/problem+json; bad input is a 400 that names the field, never a 500.</summary>
public static class ProblemDetailsSetup
{
    public static IServiceCollection AddHandoffProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Extensions.TryAdd("traceId", ctx.HttpContext.TraceIdentifier);
            UnsupportedMediaType.Explain(ctx);
            if (ctx.ProblemDetails is HttpValidationProblemDetails validation)
            {
                BoundedErrors.Bound(validation.Errors);
            }
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<StoreUnavailableExceptionHandler>();
        // Binding failures (malformed JSON, wrong types) throw, so the handler below can name the field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    public static WebApplication UseHandoffProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}

/// <summary>Turns request-binding failures into a validation problem naming the JSON path that broke.</summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }
        var errors = bad.InnerException is JsonException json
            ? new Dictionary<string, string[]> { [FieldOf(json)] = [MessageOf(json)] }
            : new Dictionary<string, string[]> { ["body"] = [bad.Message] };
        context.Response.StatusCode = bad.StatusCode;
        var result = TypedResults.ValidationProblem(errors, title: "The request body could not be read.");
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = result.ProblemDetails,
            Exception = exception,
        });
    }

    private static string FieldOf(JsonException json) =>
        json.Path is { Length: > 1 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";

    private static string MessageOf(JsonException json)
    {
        var where = json.LineNumber is { } line ? $" (line {line + 1}, position {json.BytePositionInLine + 1})" : "";
        return json.Path is { Length: > 1 } && json.Message.Contains("could not be converted", StringComparison.Ordinal)
            ? $"This value has the wrong type{where}."
            : $"The body is not valid JSON{where}.";
    }
}
