using Azure.Core;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Handoff.Graph;

/// <summary>
/// What tests and benchmarks may swap under the real SDK: the last handler of its HTTP pipeline (e.g. a
/// TestServer's) and the credential. Register one in DI before <c>AddGraphCalendars</c> runs its client.
/// </summary>
public sealed class GraphTransport
{
    public HttpMessageHandler? FinalHandler { get; init; }

    public TokenCredential? Credential { get; init; }
}

/// <summary>The SDK client the calendar reader uses; its own type so other features' Graph clients cannot be mixed up with it.</summary>
internal sealed record GraphCalendarClient(GraphServiceClient Client);

/// <summary>Builds the SDK's client with its own middleware (retry, redirect, compression, telemetry).</summary>
public static class GraphClients
{
    public static GraphServiceClient Create(GraphOptions options, GraphTransport? transport = null, IDelegatedTokenSource? delegated = null) =>
        Create(options, GraphCredentials.CreateProvider(options, transport?.Credential, delegated), transport);

    /// <summary>The same pipeline signed by <paramref name="authentication"/> (the mailer's routes bring their own).</summary>
    public static GraphServiceClient Create(GraphOptions options, IAuthenticationProvider authentication, GraphTransport? transport)
    {
        // The factory's default handlers include the RetryHandler; each getSchedule call brings its own
        // RetryHandlerOption bounded by the check's budget (see CheckDeadline).
        var http = GraphClientFactory.Create(GraphClientFactory.CreateDefaultHandlers(), finalHandler: transport?.FinalHandler);
        // The factory's 100 s HttpClient timeout stays as a backstop; each check's own deadline is the real bound.
        var baseUrl = options.BaseUri.AbsoluteUri.TrimEnd('/');
        var adapter = new BaseGraphRequestAdapter(authentication, httpClient: http) { BaseUrl = baseUrl };
        return new GraphServiceClient(adapter, baseUrl);
    }
}
