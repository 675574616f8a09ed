using Handoff.Graph;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Handoff.Api.Scale;

/// <summary>
/// The Graph concurrency cap per mailbox, held across every instance: a Redis sorted set per mailbox whose
/// members are leases scored by their expiry (Redis' own clock). A lease ends when its request does, or at the
/// latest <see cref="LeaseTime"/> later, so an instance killed mid-call cannot keep a slot. While Redis is down
/// each instance falls back to its own per-instance gate (the cap then holds per instance, as without Redis).
/// </summary>
public sealed class RedisMailboxGate(RedisConnection redis, IOptions<GraphOptions> options) : IMailboxGate
{
    // Acquire: drop expired leases, then take a slot if one is free. Atomic on the server.
    private const string AcquireScript = """
        local now = redis.call('TIME')
        local ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ms)
        if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
          redis.call('ZADD', KEYS[1], ms + tonumber(ARGV[3]), ARGV[2])
          redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]))
          return 1
        end
        return 0
        """;

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(15);

    private readonly int _perMailbox = options.Value.MaxConcurrencyPerMailbox;
    private readonly MailboxGate _local = new(options.Value.MaxConcurrencyPerMailbox);

    /// <summary>Longer than any call may run (the check budget bounds it), short enough to heal a crash quickly.</summary>
    public TimeSpan LeaseTime { get; } = options.Value.CheckBudget * 2 + TimeSpan.FromSeconds(5);

    public static string KeyOf(string mailbox) => $"handoff:graph:gate:{mailbox.ToLowerInvariant()}";

    public async Task<IDisposable> EnterAsync(string mailbox, CancellationToken cancellationToken)
    {
        var key = (RedisKey)KeyOf(mailbox);
        var lease = Guid.NewGuid().ToString("N");
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!redis.IsConnected)
            {
                return await _local.EnterAsync(mailbox, cancellationToken);
            }
            try
            {
                var taken = (long)await redis.Multiplexer.GetDatabase().ScriptEvaluateAsync(
                    AcquireScript, [key], [_perMailbox, lease, (long)LeaseTime.TotalMilliseconds]);
                if (taken == 1)
                {
                    return new Lease(redis, key, lease);
                }
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                redis.Down(e);
                return await _local.EnterAsync(mailbox, cancellationToken);
            }
            await Task.Delay(Poll, cancellationToken);
        }
    }

    private sealed class Lease(RedisConnection redis, RedisKey key, string id) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }
            try
            {
                // Fire and forget: if it is lost, the lease's expiry frees the slot.
                redis.Multiplexer.GetDatabase().SortedSetRemove(key, id, CommandFlags.FireAndForget);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                redis.Down(e);
            }
        }
    }
}
