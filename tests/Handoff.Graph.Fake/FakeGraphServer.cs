using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Handoff.Graph.Fake;

/// <summary>
/// Hosts a <see cref="FakeGraph"/>: in memory on a TestServer (plug <see cref="CreateHandler"/> in as the
/// SDK pipeline's final handler, keeping https://graph.microsoft.com/v1.0 as the base URL) or on a loopback
/// port with Kestrel (point Graph:BaseUrl at <see cref="BaseUrl"/>).
/// </summary>
public sealed class FakeGraphServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeGraphServer(WebApplication app, FakeGraph graph, string baseUrl)
    {
        _app = app;
        Graph = graph;
        BaseUrl = baseUrl;
    }

    public FakeGraph Graph { get; }

    /// <summary>The Graph service root to configure, version included (…/v1.0).</summary>
    public string BaseUrl { get; }

    public static async Task<FakeGraphServer> StartInMemoryAsync(FakeGraph graph)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        var app = Build(builder, graph);
        await app.StartAsync();
        return new FakeGraphServer(app, graph, "https://graph.microsoft.com/v1.0");
    }

    /// <summary>Listens on 127.0.0.1; port 0 picks a free one.</summary>
    public static async Task<FakeGraphServer> StartLoopbackAsync(FakeGraph graph, int port = 0, Action<WebApplication>? extend = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = Build(builder, graph);
        extend?.Invoke(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FakeGraphServer(app, graph, $"{address.TrimEnd('/')}/v1.0");
    }

    /// <summary>The in-memory server's handler; only for <see cref="StartInMemoryAsync"/>.</summary>
    public HttpMessageHandler CreateHandler() => new SerializingHandler { InnerHandler = _app.GetTestServer().CreateHandler() };

    public Task StopAsync() => _app.StopAsync();

    /// <summary>Completes when the host is told to stop (Ctrl+C, SIGTERM).</summary>
    public Task WaitForShutdownAsync() => Microsoft.Extensions.Hosting.HostingAbstractionsHostExtensions.WaitForShutdownAsync(_app);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static WebApplication Build(WebApplicationBuilder builder, FakeGraph graph)
    {
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.MapGraphFake(graph);
        return app;
    }
}

public static class FakeGraphEndpoints
{
    /// <summary>Graph's getSchedule routes, answered from <paramref name="graph"/>.</summary>
    public static IEndpointRouteBuilder MapGraphFake(this IEndpointRouteBuilder routes, FakeGraph graph)
    {
        routes.MapPost("/{version}/users/{id}/calendar/getSchedule", (HttpContext context) => GetScheduleEndpoint.HandleAsync(context, graph));
        routes.MapPost("/{version}/me/calendar/getSchedule", (HttpContext context) => GetScheduleEndpoint.HandleAsync(context, graph));
        routes.MapPost("/{version}/users/{id}/sendMail", (HttpContext context, string id) => SendMailEndpoint.HandleAsync(context, graph, id));
        routes.MapPost("/{version}/me/sendMail", (HttpContext context) => SendMailEndpoint.HandleAsync(context, graph, null));
        // Anything else Graph would answer is outside the fake: say so the way Graph does, and record it.
        routes.MapFallback(async context =>
        {
            graph.Record(new RecordedRequest(context.Request.Method, context.Request.Path, null, null, null, [], null, null, null, ""));
            context.Response.StatusCode = 400;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"error":{"code":"BadRequest","message":"Resource not found for the segment (not implemented by the fake)."}}""");
        });
        return routes;
    }
}

/// <summary>
/// Makes the in-memory transport treat a request body as a socket handler does. TestServer reads the body
/// through ReadAsStreamAsync, which leaves a StreamContent's stream at its end without marking it read, so
/// the SDK's RetryHandler would clone an empty body for its retry. A socket handler serialises the content,
/// which rewinds it on the next read; buffering it here has the same effect.
/// </summary>
internal sealed class SerializingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken);
        }
        return await base.SendAsync(request, cancellationToken);
    }
}
