using System.Globalization;
using System.Net;
using Azure.Identity;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace Handoff.Graph;

/// <summary>A failed Graph call, in the SDR's words ("Microsoft Graph …") and with what the log needs.</summary>
internal sealed record GraphFailure(string Reason, int? Status, string? GraphCode, string? GraphMessage, string? RequestId)
{
    /// <summary>
    /// Describes what the SDK threw. Traps: once the RetryHandler runs out of retries it throws an
    /// <see cref="AggregateException"/> of <see cref="ApiException"/>s, not an <see cref="ODataError"/>; a
    /// refused retry lets the throttling response through, which the SDK then throws as an ODataError.
    /// </summary>
    public static GraphFailure From(Exception exception, CheckDeadline deadline) => exception switch
    {
        OperationCanceledException when deadline.Expired => TimedOut(deadline.Budget),
        ODataError odata => ForStatus(odata.ResponseStatusCode, deadline.RefusedWait, retried: false) with
        {
            GraphCode = odata.Error?.Code,
            GraphMessage = odata.Error?.Message,
            RequestId = odata.Error?.InnerError?.RequestId,
        },
        ApiException api => ForStatus(api.ResponseStatusCode, deadline.RefusedWait, retried: false),
        AggregateException aggregate when aggregate.InnerExceptions.OfType<ApiException>().LastOrDefault() is { } last =>
            ForStatus(last.ResponseStatusCode, deadline.RefusedWait, retried: true),
        DelegatedAccessException access =>
            new(access.Reason, null, access.Problem.ToString(), access.InnerException?.Message ?? access.Message, null),
        AuthenticationFailedException or CredentialUnavailableException =>
            new("Microsoft Graph sign-in failed (the app's credential was refused)", null, null, exception.Message, null),
        HttpRequestException http =>
            new("Microsoft Graph could not be reached", (int?)http.StatusCode, null, exception.Message, null),
        _ => new("Microsoft Graph gave an answer this app could not read", null, null, exception.Message, null),
    };

    /// <summary>No answer within the check's budget (also what a check waiting on another check's read says).</summary>
    public static GraphFailure TimedOut(TimeSpan budget) => new($"Microsoft Graph did not answer within {Seconds(budget)}", null, null, null, null);

    private static GraphFailure ForStatus(int status, TimeSpan? refusedWait, bool retried)
    {
        var wait = refusedWait is { } w ? $" and asked to wait {Seconds(w)}" : "";
        var reason = status switch
        {
            (int)HttpStatusCode.TooManyRequests => $"Microsoft Graph is throttling requests{wait}",
            (int)HttpStatusCode.Unauthorized => "Microsoft Graph did not accept the app's sign-in (HTTP 401)",
            (int)HttpStatusCode.Forbidden => "Microsoft Graph denied access to the calendars (HTTP 403)",
            (int)HttpStatusCode.NotFound => "Microsoft Graph did not find the schedule mailbox (HTTP 404)",
            >= 500 when retried => $"Microsoft Graph is unavailable (HTTP {status}, still failing after retries)",
            >= 500 => $"Microsoft Graph is unavailable (HTTP {status}){wait}",
            _ => $"Microsoft Graph rejected the request (HTTP {status})",
        };
        return new GraphFailure(reason, status, null, null, null);
    }

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} s");
}
