using System.Net;
using Microsoft.Extensions.Primitives;

namespace Handoff.Api.AddIn;

/// <summary>
/// The origin written into the served manifest, commands.js and the well-known file. The Host header is the
/// caller's to choose, so it is used only when configuration vouches for it: AddIn:PublicOrigin wins; else a host
/// listed in AddIn:AllowedHosts or ASP.NET's AllowedHosts (not "*"); else a loopback host (local trials).
/// Anything else gets no manifest rather than one pointing at a host an attacker named.
/// </summary>
public static class AddInOrigin
{
    public static string? Resolve(HttpRequest request, IConfiguration config)
    {
        if (config["AddIn:PublicOrigin"] is { Length: > 0 } origin)
        {
            return origin.TrimEnd('/');
        }
        var host = request.Host;
        if (!host.HasValue)
        {
            return null;
        }
        var allowed = Patterns(config["AddIn:AllowedHosts"]).Concat(Patterns(config["AllowedHosts"])).Where(p => p != "*").ToList();
        return IsLoopback(host.Host) || HostString.MatchesAny(host.Host, allowed) ? $"{request.Scheme}://{host}" : null;
    }

    public static IResult NotConfigured(HttpRequest request) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "The add-in's public origin is not configured",
        detail: $"'{request.Host}' is not a configured host. Set AddIn:PublicOrigin (e.g. https://handoff.contoso.com) or list the host in AddIn:AllowedHosts.");

    private static IEnumerable<StringSegment> Patterns(string? list) =>
        (list ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => new StringSegment(p));

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ||
        (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
