using System.Collections.Concurrent;

namespace Handoff.Graph.Fake;

/// <summary>
/// The fake's state: mailboxes, scripted faults, latency, and every request it received. Thread-safe;
/// tests change it between (not during) checks.
/// </summary>
public sealed class FakeGraph
{
    private readonly ConcurrentDictionary<string, FakeMailbox> _mailboxes = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<FakeFault> _faults = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private int _inFlight;
    private int _maxInFlight;

    /// <summary>Added to every request before it is answered.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>A fault answered to every request once the scripted ones are used up (e.g. a persistent 503).</summary>
    public FakeFault? PersistentFault { get; set; }

    /// <summary>Messages accepted by sendMail, in order.</summary>
    public FakeOutbox Outbox { get; } = new();

    /// <summary>The mailbox /me means (delegated calls); null answers /me/sendMail with ErrorInvalidUser.</summary>
    public string? Me { get; set; }

    internal void Deliver(FakeSentMail mail) => Outbox.Add(mail);

    private readonly ConcurrentQueue<FakeFault> _mailFaults = new();

    /// <summary>Faults for the next sendMail requests only (before the shared ones), so calendar reads do not use them up.</summary>
    public FakeGraph EnqueueMail(params FakeFault[] faults)
    {
        foreach (var fault in faults)
        {
            _mailFaults.Enqueue(fault);
        }
        return this;
    }

    internal FakeFault? NextMailFault() => _mailFaults.TryDequeue(out var fault) ? fault : NextFault();

    /// <summary>sendMail requests received (each retry counts).</summary>
    public int SendMailCalls => _requests.Count(r => r.Path.EndsWith("/sendMail", StringComparison.OrdinalIgnoreCase));

    /// <summary>When set, only "Bearer {token}" is accepted; a request without any Authorization header always gets 401.</summary>
    public string? RequiredToken { get; set; }

    /// <summary>
    /// Delegated tokens (e.g. issued by <see cref="FakeEntra"/>'s on-behalf-of exchange) and the user each signs in:
    /// accepted besides <see cref="RequiredToken"/>; on <c>/me/…</c> the user is "me", whose view of sharing applies.
    /// </summary>
    public ConcurrentDictionary<string, string> DelegatedTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>The delegated scopes each token in <see cref="DelegatedTokens"/> was issued for (sendMail wants Mail.Send).</summary>
    public ConcurrentDictionary<string, string[]> DelegatedScopes { get; } = new(StringComparer.Ordinal);

    /// <summary>App-only tokens (FakeEntra's client-credentials grant): accepted on <c>/users/{id}/…</c>, refused on <c>/me/…</c>.</summary>
    public ConcurrentDictionary<string, bool> AppTokens { get; } = new(StringComparer.Ordinal);

    public IReadOnlyCollection<FakeMailbox> Mailboxes => _mailboxes.Values.ToArray();

    /// <summary>Every request received, faulted ones included, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>getSchedule requests received (each retry counts).</summary>
    public int ScheduleCalls => _requests.Count(r => r.IsGetSchedule);

    public FakeMailbox AddMailbox(string email, Action<FakeMailbox>? configure = null)
    {
        var mailbox = new FakeMailbox(email);
        configure?.Invoke(mailbox);
        _mailboxes[email] = mailbox;
        return mailbox;
    }

    public FakeMailbox? FindMailbox(string email) => _mailboxes.GetValueOrDefault(email.Trim());

    public bool RemoveMailbox(string email) => _mailboxes.TryRemove(email, out _);

    /// <summary>Faults answered to the next requests, one each, in order.</summary>
    public FakeGraph Enqueue(params FakeFault[] faults)
    {
        foreach (var fault in faults)
        {
            _faults.Enqueue(fault);
        }
        return this;
    }

    /// <summary>The most requests the fake was answering at the same time.</summary>
    public int MaxInFlight => _maxInFlight;

    public void ClearRequests() => _requests.Clear();

    internal IDisposable Enter()
    {
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = _maxInFlight) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }
        return new Exit(this);
    }

    private sealed class Exit(FakeGraph graph) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref graph._inFlight);
    }

    /// <summary>Back to no faults, no latency and no recorded requests; mailboxes stay.</summary>
    public void Reset()
    {
        _faults.Clear();
        _mailFaults.Clear();
        _requests.Clear();
        Outbox.Clear();
        PersistentFault = null;
        Latency = TimeSpan.Zero;
        _maxInFlight = 0;
    }

    internal FakeFault? NextFault() => _faults.TryDequeue(out var fault) ? fault : PersistentFault;

    internal void Record(RecordedRequest request) => _requests.Enqueue(request);
}

/// <summary>What the fake answers instead of a schedule.</summary>
public abstract record FakeFault
{
    /// <summary>An HTTP error with Graph's error body, e.g. 429 with Retry-After.</summary>
    public static FakeFault Status(int status, int? retryAfterSeconds = null, string? code = null) => new StatusFault(status, retryAfterSeconds, code);

    public static FakeFault Throttle(int retryAfterSeconds) => new StatusFault(429, retryAfterSeconds, "TooManyRequests");

    public static FakeFault Unavailable(int? retryAfterSeconds = null) => new StatusFault(503, retryAfterSeconds, "ServiceNotAvailable");

    public static FakeFault Unauthorized() => new StatusFault(401, null, "InvalidAuthenticationToken");

    public static FakeFault Forbidden() => new StatusFault(403, null, "ErrorAccessDenied");

    /// <summary>A 200 whose body is not Graph's JSON (a proxy's error page, a truncated answer).</summary>
    public static FakeFault Malformed() => new MalformedFault();

    /// <summary>Waits, then answers normally (a slow Graph).</summary>
    public static FakeFault Delay(TimeSpan delay) => new DelayFault(delay);
}

public sealed record StatusFault(int StatusCode, int? RetryAfterSeconds, string? Code) : FakeFault;

public sealed record DelayFault(TimeSpan Duration) : FakeFault;

public sealed record MalformedFault : FakeFault;

/// <summary>One request as the fake saw it.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string? Authorization,
    string? Prefer,
    string? RetryAttempt,
    IReadOnlyList<string> Schedules,
    string? StartTime,
    string? EndTime,
    int? AvailabilityViewInterval,
    string Body)
{
    public bool IsGetSchedule => Path.EndsWith("/calendar/getSchedule", StringComparison.OrdinalIgnoreCase);
}
