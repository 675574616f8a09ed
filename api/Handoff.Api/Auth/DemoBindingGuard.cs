using System.Net;
using Handoff.Api.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Handoff.Api.Auth;

/// <summary>
/// Demo mode lets anyone in as an admin, so the API refuses to start in Demo mode unless it only listens on
/// loopback. Checked twice: from configuration before start (a clear message naming the setting), and from the
/// server's real addresses once it listens (stops the app if something slipped past the first check).
/// </summary>
public sealed partial class DemoBindingGuard(IServer server, IHostApplicationLifetime lifetime, ILogger<DemoBindingGuard> logger) : IHostedService
{
    private const string Advice = "Demo mode lets every caller in as an admin, so it only listens on loopback " +
        "(localhost, 127.0.0.1, [::1]). Bind to loopback, or set Auth:Mode to LocalJwt or Entra.";

    /// <summary>The URLs Kestrel will bind, in its own order of precedence, each with the setting it came from.</summary>
    public static IEnumerable<(string Url, string Setting)> ConfiguredUrls(IConfiguration config)
    {
        var endpoints = config.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(e => (Url: e["Url"], Setting: $"Kestrel:Endpoints:{e.Key}:Url")).Where(e => !string.IsNullOrWhiteSpace(e.Url)).ToArray();
        if (endpoints.Length > 0)
        {
            return endpoints!;
        }
        if (config["urls"] is { Length: > 0 } urls)
        {
            return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(u => (u, "urls (ASPNETCORE_URLS or --urls)"));
        }
        // HTTP_PORTS / HTTPS_PORTS bind every interface.
        return new[] { ("http_ports", "http"), ("https_ports", "https") }
            .SelectMany(p => (config[p.Item1] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(port => ($"{p.Item2}://*:{port}", $"{p.Item1.ToUpperInvariant()} (ASPNETCORE_{p.Item1.ToUpperInvariant()})")));
    }

    public static bool IsLoopback(string url)
    {
        var host = url;
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            host = url[(scheme + 3)..];
        }
        host = host.Split('/')[0];
        if (host.StartsWith('['))
        {
            host = host[1..host.IndexOf(']')];
        }
        else if (host.LastIndexOf(':') is var colon and > 0)
        {
            host = host[..colon];
        }
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ||
               (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }

    public static void ThrowIfNotLoopback(IConfiguration config)
    {
        foreach (var (url, setting) in ConfiguredUrls(config))
        {
            if (!IsLoopback(url))
            {
                throw new StartupRefusedException($"Auth:Mode is Demo but {setting} binds '{url}', which is not loopback. {Advice}");
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            if (addresses.FirstOrDefault(a => !IsLoopback(a)) is { } open)
            {
                LogRefused(logger, open, Advice);
                lifetime.StopApplication();
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Critical, Message = "Stopping: Auth:Mode is Demo but the server listens on {Address}. {Advice}")]
    private static partial void LogRefused(ILogger logger, string address, string advice);
}
