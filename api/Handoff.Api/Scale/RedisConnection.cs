using StackExchange.Redis;

namespace Handoff.Api.Scale;

/// <summary>
/// The one Redis connection an instance shares between the schedule cache (HybridCache's L2), the org-change
/// channel and the Graph gate. Never blocks a request on a dead server: commands fail fast while it is
/// disconnected (no backlog), and the client reconnects in the background.
/// </summary>
public sealed partial class RedisConnection : IDisposable
{
    private readonly ILogger<RedisConnection> _logger;
    private int _downLogged;

    public RedisConnection(string configuration, ILogger<RedisConnection> logger)
    {
        _logger = logger;
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 2000);
        options.AsyncTimeout = Math.Min(options.AsyncTimeout, 1000);
        options.SyncTimeout = Math.Min(options.SyncTimeout, 1000);
        options.ClientName ??= $"handoff-{Environment.MachineName}-{Environment.ProcessId}";
        Multiplexer = ConnectionMultiplexer.Connect(options);
        Multiplexer.ConnectionFailed += (_, e) => Down(e.Exception);
        Multiplexer.ConnectionRestored += (_, _) =>
        {
            if (Interlocked.Exchange(ref _downLogged, 0) == 1)
            {
                LogRestored(_logger);
            }
        };
        if (!Multiplexer.IsConnected)
        {
            Down(null);
        }
    }

    public IConnectionMultiplexer Multiplexer { get; }

    public bool IsConnected => Multiplexer.IsConnected;

    /// <summary>Logs a Redis failure once per outage, so a dead server does not flood the log.</summary>
    public void Down(Exception? exception)
    {
        if (Interlocked.Exchange(ref _downLogged, 1) == 0)
        {
            LogDown(_logger, exception);
        }
    }

    public void Dispose() => Multiplexer.Dispose();

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning,
        Message = "Redis is unreachable: this instance uses its local cache and gate and learns admin edits by its periodic refresh until it is back")]
    private static partial void LogDown(ILogger logger, Exception? exception);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Redis is reachable again: shared cache, gate and org-change channel resumed")]
    private static partial void LogRestored(ILogger logger);
}
