using System.Collections.Concurrent;

namespace Handoff.Graph;

/// <summary>
/// Caps Graph requests in flight per mailbox. One process uses <see cref="MailboxGate"/>; several instances
/// register a shared gate (the API's Redis gate) so the cap holds across all of them.
/// </summary>
public interface IMailboxGate
{
    /// <summary>Waits for a slot; disposing the lease frees it.</summary>
    Task<IDisposable> EnterAsync(string mailbox, CancellationToken cancellationToken);
}

/// <summary>
/// Caps requests in flight per mailbox: Outlook throttles an app past 4 concurrent requests on one
/// mailbox, and a throttled check costs the SDR more than a short queue does.
/// </summary>
public sealed class MailboxGate(int perMailbox) : IMailboxGate
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.OrdinalIgnoreCase);

    public int InFlight(string mailbox) => _gates.TryGetValue(mailbox, out var gate) ? perMailbox - gate.CurrentCount : 0;

    public async Task<IDisposable> EnterAsync(string mailbox, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(mailbox, _ => new SemaphoreSlim(perMailbox, perMailbox));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Lease(gate);
    }

    private sealed class Lease(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
