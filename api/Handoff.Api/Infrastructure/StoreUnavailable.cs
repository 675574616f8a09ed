using System.Data.Common;
using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;

namespace Handoff.Api.Infrastructure;

/// <summary>
/// The org store (database) is down or restarting: a 503 problem with Retry-After, not a 500. Checks do not
/// get here (they read the in-memory snapshot); admin reads and writes do, and succeed once the store is back.
/// </summary>
public static class StoreUnavailable
{
    public const int RetryAfterSeconds = 5;

    /// <summary>True for a failure to reach the database (refused, reset, timed out, shutting down), not for bad data.</summary>
    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException { IsTransient: true } or SocketException or TimeoutException or System.IO.EndOfStreamException)
            {
                return true;
            }
            // Npgsql: "57P01 terminating connection due to administrator command", "57P03 the database system is starting up".
            if (e is DbException db && db.SqlState is { } state && (state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("57P", StringComparison.Ordinal)))
            {
                return true;
            }
        }
        return false;
    }
}

internal sealed class StoreUnavailableExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!StoreUnavailable.Is(exception))
        {
            return false;
        }
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = StoreUnavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The org store is unavailable.",
                Detail = $"The database cannot be reached right now; nothing was changed unless a later read shows it. Retry in {StoreUnavailable.RetryAfterSeconds} seconds. Meeting checks keep working.",
                Type = "https://tools.ietf.org/html/rfc9110#section-15.6.4",
            },
        });
    }
}
