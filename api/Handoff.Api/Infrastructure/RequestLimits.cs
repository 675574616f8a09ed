using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Handoff.Api.Infrastructure;

/// <summary>
/// 414 and 431 as problem+json. Kestrel answers an over-long request line or header block itself, before any
/// middleware, with an empty body (ASP.NET has no hook there). So Kestrel's hard limits are set above ours and
/// this middleware refuses first, with a body: URL (path and query) over <see cref="MaxUrl"/> bytes → 414,
/// headers over <see cref="MaxHeaders"/> bytes → 431. Only past Kestrel's limits (4× ours) is the answer bodiless.
/// </summary>
public static class RequestLimits
{
    public const int MaxUrl = 8 * 1024;
    public const int MaxHeaders = 32 * 1024;

    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<KestrelServerOptions>(o =>
        {
            o.Limits.MaxRequestLineSize = Math.Max(o.Limits.MaxRequestLineSize, MaxUrl * 4);
            o.Limits.MaxRequestHeadersTotalSize = Math.Max(o.Limits.MaxRequestHeadersTotalSize, MaxHeaders * 4);
        });
        return builder;
    }

    public static WebApplication UseRequestLimits(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            var url = request.Path.Value?.Length + request.QueryString.Value?.Length ?? 0;
            if (url > MaxUrl)
            {
                await RefuseAsync(context, StatusCodes.Status414UriTooLong, "The URL is too long.",
                    $"The path and query are {url:N0} characters; at most {MaxUrl:N0} are accepted.");
                return;
            }
            var headers = 0;
            foreach (var (name, values) in request.Headers)
            {
                headers += name.Length + 4;
                foreach (var value in values)
                {
                    headers += value?.Length ?? 0;
                }
            }
            if (headers > MaxHeaders)
            {
                await RefuseAsync(context, StatusCodes.Status431RequestHeaderFieldsTooLarge, "The request headers are too large.",
                    $"The headers are {headers:N0} bytes; at most {MaxHeaders:N0} are accepted.");
                return;
            }
            await next(context);
        });
        return app;
    }

    private static async Task RefuseAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
