using System.Collections.Concurrent;

namespace Handoff.Graph;

/// <summary>
/// Caps requests in flight per mailbox: Outlook throttles an app past 4 concurrent requests on one
/// mailbox, and a throttled check costs the SDR more than a short queue does.
/// </summary>
internal sealed class MailboxGate(int perMailbox)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.OrdinalIgnoreCase);

    public int InFlight(string mailbox) => _gates.TryGetValue(mailbox, out var gate) ? perMailbox - gate.CurrentCount : 0;

    public async Task<Lease> EnterAsync(string mailbox, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(mailbox, _ => new SemaphoreSlim(perMailbox, perMailbox));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Lease(gate);
    }

    public readonly struct Lease(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
