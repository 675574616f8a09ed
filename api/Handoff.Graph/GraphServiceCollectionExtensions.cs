using Handoff.Scheduling.Calendars;
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

    /// <summary>
    /// Reads RSMs' calendars from Microsoft Graph: registers <see cref="ICalendarSource"/> (replacing any
    /// registered before, e.g. the demo calendar), validating the <c>Graph</c> section at start-up.
    /// A <see cref="GraphTransport"/> registered in DI swaps the SDK's final handler or credential (tests).
    /// </summary>
    public static IServiceCollection AddGraphCalendars(this IServiceCollection services)
    {
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHybridCache();
        services.TryAddSingleton(sp => new GraphCalendarClient(GraphClients.Create(sp.GetRequiredService<IOptions<GraphOptions>>().Value, sp.GetService<GraphTransport>(), sp.GetService<IDelegatedTokenSource>())));
        // Per-instance; a host running several instances may replace it with a shared gate (the API's Redis gate).
        services.TryAddSingleton<IMailboxGate>(sp => new MailboxGate(sp.GetRequiredService<IOptions<GraphOptions>>().Value.MaxConcurrencyPerMailbox));
        services.TryAddSingleton<ScheduleFetcher>();
        services.RemoveAll<ICalendarSource>();
        services.AddSingleton<ICalendarSource, GraphCalendarSource>();
        return services;
    }
}
