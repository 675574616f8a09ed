using Handoff.Scheduling.Calendars;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Handoff.Graph;

public static class GraphServiceCollectionExtensions
{
    /// <summary>True when the configuration has a <c>Graph</c> section with any setting in it.</summary>
    public static bool HasGraphSection(this IConfiguration configuration) =>
        configuration.GetSection(GraphOptions.Section).AsEnumerable(makePathsRelative: true).Any(p => !string.IsNullOrWhiteSpace(p.Value));

    /// <summary>The service key of the Graph calendar reader (an <see cref="ICalendarSource"/>).</summary>
    public const string CalendarKey = "Graph";

    /// <summary>The service key of the per-instance <see cref="MailboxGate"/>.</summary>
    public const string LocalGateKey = "Local";

    /// <summary>
    /// Reads RSMs' calendars from Microsoft Graph, as the only calendar source of a host that has no other:
    /// <see cref="AddGraphCalendarReader"/>, and <see cref="ICalendarSource"/> and <see cref="IMailboxGate"/> bound to
    /// it and the per-instance gate (tests, benchmarks). A host with several sources binds the ports itself.
    /// </summary>
    public static IServiceCollection AddGraphCalendars(this IServiceCollection services)
    {
        services.AddGraphCalendarReader();
        services.TryAddSingleton<ICalendarSource>(sp => sp.GetRequiredKeyedService<ICalendarSource>(CalendarKey));
        services.TryAddSingleton<IMailboxGate>(sp => sp.GetRequiredKeyedService<IMailboxGate>(LocalGateKey));
        return services;
    }

    /// <summary>
    /// The Graph calendar reader as a keyed <see cref="ICalendarSource"/> (<see cref="CalendarKey"/>), and the
    /// per-instance gate keyed <see cref="LocalGateKey"/>, validating the <c>Graph</c> section at start-up; it reads
    /// the unkeyed <see cref="IMailboxGate"/>, which the host binds. A <see cref="GraphTransport"/> registered in DI
    /// swaps the SDK's final handler or credential (tests).
    /// </summary>
    public static IServiceCollection AddGraphCalendarReader(this IServiceCollection services)
    {
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHybridCache();
        services.TryAddSingleton<IHybridCacheSerializer<CachedDay>, CachedDaySerializer>();
        // In process, or shared through HybridCache when the host configured a distributed cache (Redis).
        services.TryAddSingleton(IScheduleDayCache.For);
        services.TryAddSingleton(sp => new GraphCalendarClient(GraphClients.Create(sp.GetRequiredService<IOptions<GraphOptions>>().Value, sp.GetService<GraphTransport>(), sp.GetService<IDelegatedTokenSource>())));
        // Per-instance; a host running several instances binds a shared gate instead (the API's Redis gate).
        services.TryAddKeyedSingleton<IMailboxGate>(LocalGateKey, (sp, _) => new MailboxGate(sp.GetRequiredService<IOptions<GraphOptions>>().Value.MaxConcurrencyPerMailbox));
        services.TryAddSingleton<ScheduleFetcher>();
        services.TryAddKeyedSingleton<ICalendarSource, GraphCalendarSource>(CalendarKey);
        return services;
    }
}
