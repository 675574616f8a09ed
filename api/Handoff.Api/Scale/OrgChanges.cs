using Handoff.Api.Storage;
using NodaTime;
using StackExchange.Redis;

namespace Handoff.Api.Scale;

/// <summary>
/// Tells every instance that an admin edit was committed, so each reloads its org snapshot at once (Redis
/// pub/sub, milliseconds) instead of at its next periodic refresh (Org:RefreshInterval, kept as the safety net
/// for a message lost while Redis was down). Without Redis it does nothing.
/// </summary>
public sealed class OrgChanges(IClock clock, RedisConnection? redis = null)
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("handoff:org-changed");

    /// <summary>Identifies this instance's own messages, which need no second reload.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    public async Task PublishAsync()
    {
        if (redis is not { IsConnected: true })
        {
            return;
        }
        try
        {
            // "<instance>|<unix ms>": listeners skip their own message and log how long the edit took to reach them.
            await redis.Multiplexer.GetSubscriber().PublishAsync(Channel, $"{InstanceId}|{clock.GetCurrentInstant().ToUnixTimeMilliseconds()}");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            redis.Down(e);
        }
    }
}

/// <summary>Reloads this instance's snapshot when another instance announces an admin edit.</summary>
public sealed partial class OrgChangeListener(RedisConnection redis, OrgChanges changes, StoreOrgDirectory directory, IClock clock, ILogger<OrgChangeListener> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The subscription is re-established by the client after a reconnect; subscribing fails only while Redis is down.
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var queue = await redis.Multiplexer.GetSubscriber().SubscribeAsync(OrgChanges.Channel);
                queue.OnMessage(async message =>
                {
                    var parts = message.Message.ToString().Split('|');
                    if (parts[0] == changes.InstanceId)
                    {
                        return;
                    }
                    try
                    {
                        await directory.RefreshAsync(stoppingToken);
                        if (parts.Length > 1 && long.TryParse(parts[1], out var sent))
                        {
                            LogReloaded(logger, clock.GetCurrentInstant().ToUnixTimeMilliseconds() - sent, parts[0]);
                        }
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        LogReloadFailed(logger, e);
                    }
                });
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                redis.Down(e);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information,
        Message = "Reloaded the org snapshot {LagMs} ms after instance {Instance} committed an admin edit")]
    private static partial void LogReloaded(ILogger logger, long lagMs, string instance);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning,
        Message = "Another instance announced an admin edit but the store could not be read; the periodic refresh will retry")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception);
}
