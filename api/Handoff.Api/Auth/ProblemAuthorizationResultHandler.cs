using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;

namespace Handoff.Api.Auth;

/// <summary>401 and 403 as application/problem+json that say what is missing (the scheme still sets WWW-Authenticate).</summary>
internal sealed class ProblemAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Challenged)
        {
            await context.ChallengeAsync();
            await WriteAsync(context, StatusCodes.Status401Unauthorized, "Sign-in required.",
                context.Request.Headers.Authorization.Count == 0
                    ? "Send an access token: Authorization: Bearer <token>."
                    : "The access token was not accepted (expired, wrong issuer or audience, or a bad signature).");
        }
        else if (result.Forbidden)
        {
            await context.ForbidAsync();
            var roles = policy.Requirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement>()
                .SelectMany(r => r.AllowedRoles).ToArray();
            await WriteAsync(context, StatusCodes.Status403Forbidden, "Not allowed.",
                $"This needs the app role {string.Join(" or ", roles)}. Ask an administrator to assign it.");
        }
        else
        {
            await _default.HandleAsync(next, context, policy, result);
        }
    }

    private async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
