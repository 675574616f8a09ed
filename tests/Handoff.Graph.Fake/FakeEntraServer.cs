using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace Handoff.Graph.Fake;

/// <summary>
/// Hosts a <see cref="FakeEntra"/> in memory. Its handler answers by path whatever host the request names, so it can
/// stand in for https://login.microsoftonline.com as the HTTP handler of MSAL and of the JWT bearer back-channel.
/// </summary>
public sealed class FakeEntraServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeEntraServer(WebApplication app, FakeEntra entra)
    {
        _app = app;
        Entra = entra;
    }

    public FakeEntra Entra { get; }

    public static async Task<FakeEntraServer> StartInMemoryAsync(FakeEntra entra)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.MapGet("/common/discovery/instance", (HttpContext c) => Json(c, 200, FakeEntra.InstanceDiscovery(c.Request.Query["authorization_endpoint"])));
        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (HttpContext c, string tenant) => Json(c, 200, entra.Metadata(tenant)));
        app.MapGet("/{tenant}/discovery/v2.0/keys", (HttpContext c) => Json(c, 200, entra.Keys()));
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpContext c) =>
        {
            var form = await c.Request.ReadFormAsync();
            var (status, body) = await entra.TokenAsync(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
            await Json(c, status, body);
        });
        await app.StartAsync();
        return new FakeEntraServer(app, entra);
    }

    public HttpMessageHandler CreateHandler() => _app.GetTestServer().CreateHandler();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static Task Json(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(body.ToJsonString());
    }
}
