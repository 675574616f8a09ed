using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Identity.Web.TokenCacheProviders;
using Microsoft.Identity.Web.TokenCacheProviders.Distributed;
using Microsoft.Identity.Web.TokenCacheProviders.InMemory;

namespace Handoff.Api.Graph.OnBehalfOf;

public static class TokenCacheSetup
{
    /// <summary>
    /// MSAL's token cache (exchanged Graph tokens, per SDR): in the shared IDistributedCache when one is registered
    /// (e.g. Redis, so every instance reuses an SDR's exchange), in process otherwise. Decided when first used, so
    /// the order in which features register the distributed cache does not matter.
    /// </summary>
    public static IServiceCollection AddHandoffTokenCache(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddOptions<MsalMemoryTokenCacheOptions>();
        services.AddOptions<MsalDistributedTokenCacheAdapterOptions>();
        services.AddSingleton<IMsalTokenCacheProvider>(sp => sp.GetService<IDistributedCache>() is not null
            ? ActivatorUtilities.CreateInstance<MsalDistributedTokenCacheAdapter>(sp)
            : ActivatorUtilities.CreateInstance<MsalMemoryTokenCacheProvider>(sp));
        return services;
    }
}
