using System.Diagnostics;
using Azure.Core;
using Handoff.Graph.Fake;
using Handoff.Scheduling.Calendars;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Handoff.Graph.Tests;

/// <summary>
/// The real calendar reader, wired as the API wires it (AddGraphCalendars), with the Graph-shaped fake as
/// the final handler of the SDK's own pipeline: real auth provider, serialisation and retry middleware.
/// </summary>
internal sealed class GraphHarness : IAsyncDisposable
{
    public const string ScheduleMailbox = "scheduler@contoso.com";

    private readonly ServiceProvider _services;
    private readonly FakeGraphServer _server;

    private GraphHarness(ServiceProvider services, FakeGraphServer server, FakeGraph graph)
    {
        _services = services;
        _server = server;
        Graph = graph;
        Source = services.GetRequiredService<ICalendarSource>();
    }

    public FakeGraph Graph { get; }

    public ICalendarSource Source { get; }

    /// <summary>A service of the harness's container (what the host would have chosen).</summary>
    internal T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>
    /// In memory by default; <paramref name="loopback"/> serves the fake with Kestrel on 127.0.0.1 and points
    /// Graph:BaseUrl at it, so the SDK's own socket handler is the last one.
    /// </summary>
    public static async Task<GraphHarness> StartAsync(Action<Dictionary<string, string?>>? settings = null, bool loopback = false,
        FakeGraph? graph = null, IDistributedCache? sharedCache = null, Action<IServiceCollection>? extra = null)
    {
        graph ??= new FakeGraph();
        var server = loopback ? await FakeGraphServer.StartLoopbackAsync(graph) : await FakeGraphServer.StartInMemoryAsync(graph);
        var values = new Dictionary<string, string?>
        {
            ["Graph:TenantId"] = "00000000-0000-0000-0000-0000000000aa",
            ["Graph:ClientId"] = "00000000-0000-0000-0000-0000000000bb",
            ["Graph:ClientSecret"] = "not used: the fake credential below answers",
            ["Graph:ScheduleMailbox"] = ScheduleMailbox,
            ["Graph:BaseUrl"] = server.BaseUrl,
        };
        settings?.Invoke(values);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        if (sharedCache is not null)
        {
            // HybridCache's second level, as Redis would be between API instances.
            services.AddSingleton(sharedCache);
        }
        extra?.Invoke(services);
        var provider = services
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(TestLog.Provider))
            .AddSingleton(new GraphTransport { FinalHandler = loopback ? null : server.CreateHandler(), Credential = new FakeCredential() })
            .AddGraphCalendars()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new GraphHarness(provider, server, graph);
    }

    public Task<IReadOnlyList<CalendarLookup>> ReadAsync(Interval window, params string[] emails) =>
        Source.ReadAsync(emails, window, CancellationToken.None);

    /// <summary>Reads and measures; the time is only compared with the budget (plus generous slack).</summary>
    public async Task<(IReadOnlyList<CalendarLookup> Lookups, TimeSpan Elapsed)> TimedReadAsync(Interval window, params string[] emails)
    {
        var watch = Stopwatch.StartNew();
        var lookups = await ReadAsync(window, emails);
        return (lookups, watch.Elapsed);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    /// <summary>Stands in for Entra: the real AzureIdentityAuthenticationProvider asks it for a token.</summary>
    internal sealed class FakeCredential : TokenCredential
    {
        public const string Token = "fake-app-token";

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(Token, DateTimeOffset.MaxValue);

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}

/// <summary>Routes the reader's log to NUnit's output, so a failing test shows what the reader logged.</summary>
internal sealed class TestLog : ILoggerProvider, ILogger
{
    public static readonly TestLog Provider = new();

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        TestContext.Progress.WriteLine($"[{logLevel}] {formatter(state, exception)}{(exception is null ? "" : $" ({exception.GetType().Name})")}");

    public void Dispose()
    {
    }
}
