using Handoff.Graph;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Handoff.Api.Scale;

public static class ScaleOutSetup
{
    public const string RedisSetting = "Cache:Redis";

    /// <summary>
    /// Several instances behind a load balancer (docs/scale-out.md). With <c>Cache:Redis</c> set (a StackExchange.Redis
    /// configuration string such as "127.0.0.1:6379"), Redis is the schedule cache's shared layer (HybridCache L2),
    /// carries admin edits to every instance, and holds the Graph gate across instances. Without it each instance
    /// stands alone (local cache, local gate, periodic refresh).
    /// </summary>
    public static WebApplicationBuilder AddScaleOut(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration[RedisSetting];
        if (string.IsNullOrWhiteSpace(configuration))
        {
            builder.Services.TryAddSingleton(sp => new OrgChanges(sp.GetRequiredService<NodaTime.IClock>()));
            return builder;
        }
        builder.Services.AddSingleton(sp => new RedisConnection(configuration, sp.GetRequiredService<ILogger<RedisConnection>>()));
        builder.Services.AddSingleton(sp => new OrgChanges(sp.GetRequiredService<NodaTime.IClock>(), sp.GetRequiredService<RedisConnection>()));
        builder.Services.AddHostedService<OrgChangeListener>();
        builder.Services.AddSingleton<IDistributedCache>(sp =>
        {
            var redis = sp.GetRequiredService<RedisConnection>();
            var cache = new RedisCache(Options.Create(new RedisCacheOptions
            {
                ConnectionMultiplexerFactory = () => Task.FromResult(redis.Multiplexer),
                InstanceName = "handoff:",
            }));
            return new FailSoftDistributedCache(cache, redis);
        });
        // The gate across instances; bound instead of the Graph reader's per-instance gate (Adapters/AdapterChoice).
        builder.Services.AddKeyedSingleton<IMailboxGate>(nameof(Adapters.MailboxGateKind.Redis), (sp, _) => new RedisMailboxGate(sp.GetRequiredService<RedisConnection>(), sp.GetRequiredService<IOptions<GraphOptions>>()));
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis");
        return builder;
    }
}
