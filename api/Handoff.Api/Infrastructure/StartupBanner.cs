using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Handoff.Api.Infrastructure;

/// <summary>
/// Once Kestrel listens, prints where to go next (the pane, Swagger UI, the health check) on standard output, whatever
/// the log level: a newcomer's first run should end with the three URLs, not a wall of logs.
/// </summary>
public sealed class StartupBanner(IServer server, IHostApplicationLifetime lifetime, IConfiguration config) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            if (addresses.FirstOrDefault() is { } address)
            {
                Console.Out.Write(Text(address.Replace("://127.0.0.1:", "://localhost:", StringComparison.Ordinal), config["Auth:Mode"]));
                Console.Out.Flush();
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static string Text(string origin, string? authMode)
    {
        origin = origin.TrimEnd('/');
        var mode = string.IsNullOrWhiteSpace(authMode) ? "Demo" : authMode;
        return $"""

            Handoff is running ({mode} mode). Ctrl+C stops it.
              task pane  {origin}/addin/taskpane.html
              Swagger UI {origin}/swagger
              health     {origin}/healthz

            """;
    }
}
