using System.Globalization;
using System.Net;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace Handoff.Graph;

/// <summary>
/// The interactive budget of one check: a cancellation token that fires when the budget is spent, and a
/// retry policy for the SDK's RetryHandler that only waits when the retry can still finish in time.
/// </summary>
internal sealed class CheckDeadline : IDisposable
{
    /// <summary>Retries wait 1 s, then 2 s (exponential) when Graph gives no Retry-After.</summary>
    private const int BaseDelaySeconds = 1;
    private const int MaxRetries = 2;

    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly CancellationTokenSource _budget;
    private readonly CancellationTokenSource _linked;

    public CheckDeadline(TimeSpan budget, TimeProvider time, CancellationToken caller)
    {
        _time = time;
        Budget = budget;
        _started = time.GetTimestamp();
        _budget = new CancellationTokenSource(budget, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(caller, _budget.Token);
    }

    public TimeSpan Budget { get; }

    /// <summary>Cancelled by the caller or when the budget is spent.</summary>
    public CancellationToken Token => _linked.Token;

    public bool Expired => _budget.IsCancellationRequested;

    public TimeSpan Elapsed => _time.GetElapsedTime(_started);

    /// <summary>A Retry-After the budget could not afford, for the SDR's warning and the log.</summary>
    public TimeSpan? RefusedWait { get; private set; }

    /// <summary>A retry policy for one request; the SDK's RetryHandler reads it from the request options.</summary>
    public RetryHandlerOption RetryOption() => new()
    {
        MaxRetry = MaxRetries,
        Delay = BaseDelaySeconds,
        ShouldRetry = (delay, attempt, response) => IsTransient(response.StatusCode) && Affords(response, WaitFor(response, attempt, delay)),
    };

    /// <summary>True when waiting, then sending once more (given a quarter of the budget, at most 1 s), ends within the budget.</summary>
    private bool Affords(HttpResponseMessage response, TimeSpan wait)
    {
        var reserve = TimeSpan.FromTicks(Math.Min(Budget.Ticks / 4, TimeSpan.TicksPerSecond));
        if (Elapsed + wait + reserve <= Budget)
        {
            return true;
        }
        if (response.Headers.Contains("Retry-After"))
        {
            RefusedWait = wait;
        }
        return false;
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>The wait the SDK's RetryHandler will take: Retry-After (seconds or HTTP date), else exponential back-off.</summary>
    private TimeSpan WaitFor(HttpResponseMessage response, int attempt, int delaySeconds)
    {
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return delta;
            }
            if (retryAfter.Date is { } date)
            {
                var wait = date - _time.GetUtcNow();
                return wait > TimeSpan.Zero ? wait : Exponential(attempt, delaySeconds);
            }
        }
        else if (response.Headers.TryGetValues("Retry-After", out var raw) &&
                 int.TryParse(raw.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }
        return Exponential(attempt, delaySeconds);
    }

    private static TimeSpan Exponential(int attempt, int delaySeconds) => TimeSpan.FromSeconds(Math.Pow(2, attempt) * delaySeconds);

    public void Dispose()
    {
        _linked.Dispose();
        _budget.Dispose();
    }
}
