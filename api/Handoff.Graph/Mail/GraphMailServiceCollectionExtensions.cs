using Handoff.Scheduling.Handoffs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Handoff.Graph.Mail;

public static class GraphMailServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Graph mailer for <paramref name="route"/> (not Off). Its token source follows the route and the Graph
    /// section: as the SDR, an <see cref="IDelegatedMailTokens"/>; from a mailbox, the Graph section's app credential, or
    /// with on-behalf-of (no app credential there) an <see cref="IAppTokenSource"/> over the API's own registration.
    /// A <see cref="GraphTransport"/> in DI swaps the SDK's final handler (tests).
    /// </summary>
    public static IServiceCollection AddGraphBriefMailer(this IServiceCollection services, BriefMailSendAs route)
    {
        if (route == BriefMailSendAs.Off)
        {
            throw new ArgumentOutOfRangeException(nameof(route), "No mailer is registered for BriefMail:SendAs=Off.");
        }
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>());
        services.AddOptions<BriefMailOptions>().BindConfiguration(BriefMailOptions.Section);
        services.TryAddSingleton(sp =>
        {
            var graph = sp.GetRequiredService<IOptions<GraphOptions>>().Value;
            return new GraphMailClient(GraphClients.Create(graph, Authentication(sp, route, graph), sp.GetService<GraphTransport>()), route);
        });
        // The only mailer there is: BriefMail:SendAs decides whether it is registered at all (the API's BriefMailSetup).
        services.TryAddSingleton<IBriefMailer, GraphBriefMailer>();
        return services;
    }

    private static IAuthenticationProvider Authentication(IServiceProvider sp, BriefMailSendAs route, GraphOptions graph)
    {
        var host = graph.BaseUri.Host;
        if (route == BriefMailSendAs.Sdr)
        {
            return new SdrMailAuthenticationProvider(sp.GetRequiredService<IDelegatedMailTokens>(), host, BriefMailSessions.Scopes(graph));
        }
        // On-behalf-of leaves the Graph section without an app credential: the API's own registration (AzureAd) signs.
        return graph.OnBehalfOf
            ? new BaseBearerTokenAuthenticationProvider(new AppAccessTokenProvider(sp.GetRequiredService<IAppTokenSource>(), host, GraphCredentials.ScopeFor(graph.BaseUri)))
            : GraphCredentials.CreateProvider(graph, sp.GetService<GraphTransport>()?.Credential);
    }
}
