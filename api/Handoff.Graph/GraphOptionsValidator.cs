using System.Net;
using Microsoft.Extensions.Options;

namespace Handoff.Graph;

/// <summary>Start-up checks of the <c>Graph</c> section; every message names the setting to fix.</summary>
internal sealed class GraphOptionsValidator : IValidateOptions<GraphOptions>
{
    private static readonly string CredentialChoices = string.Join(", ", new[]
    {
        nameof(GraphOptions.ClientSecret), nameof(GraphOptions.CertificatePath), nameof(GraphOptions.CertificateThumbprint),
        nameof(GraphOptions.ManagedIdentity), nameof(GraphOptions.WorkloadIdentity), nameof(GraphOptions.AccessToken), nameof(GraphOptions.OnBehalfOf),
    }.Select(GraphOptions.Key));

    public ValidateOptionsResult Validate(string? name, GraphOptions options)
    {
        var errors = new List<string>();
        ValidateBaseUrl(options, errors);
        ValidateCredential(options, errors);
        ValidateLimits(options, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateBaseUrl(GraphOptions o, List<string> errors)
    {
        if (!Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"{GraphOptions.Key(nameof(o.BaseUrl))} must be an absolute URL such as {GraphOptions.DefaultBaseUrl} (got '{o.BaseUrl}').");
        }
        else if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
        {
            // Tokens must not travel in clear text; plain http is for a Graph-shaped server on this machine.
            errors.Add($"{GraphOptions.Key(nameof(o.BaseUrl))} must use https; http is accepted only for loopback hosts such as 127.0.0.1 (got '{o.BaseUrl}').");
        }
    }

    private static void ValidateCredential(GraphOptions o, List<string> errors)
    {
        var credentials = o.ConfiguredCredentials();
        if (credentials.Count == 0)
        {
            errors.Add($"The {GraphOptions.Section} section needs one credential: set one of {CredentialChoices}.");
            return;
        }
        if (credentials.Count > 1)
        {
            errors.Add($"The {GraphOptions.Section} section must have exactly one credential, but {string.Join(" and ", credentials)} are set.");
            return;
        }
        var credential = credentials[0];
        if (credential == "Graph:OnBehalfOf")
        {
            if (!string.IsNullOrWhiteSpace(o.ScheduleMailbox))
            {
                errors.Add($"{GraphOptions.Key(nameof(o.ScheduleMailbox))} must be empty with {credential}: delegated access asks each SDR's own /me/calendar/getSchedule.");
            }
            return;
        }
        if (credential is not "Graph:AccessToken" and not "Graph:WorkloadIdentity" and not "Graph:ManagedIdentity")
        {
            Require(o.TenantId, nameof(o.TenantId), credential, errors);
            Require(o.ClientId, nameof(o.ClientId), credential, errors);
        }
        if (credential != "Graph:AccessToken" && o.UsesMe)
        {
            errors.Add($"{GraphOptions.Key(nameof(o.ScheduleMailbox))} is required with {credential}: app-only access has no signed-in user, so name a (service) mailbox whose getSchedule answers for the RSMs.");
        }
        if (!string.IsNullOrWhiteSpace(o.CertificatePassword) && string.IsNullOrWhiteSpace(o.CertificatePath))
        {
            errors.Add($"{GraphOptions.Key(nameof(o.CertificatePassword))} is only used with {GraphOptions.Key(nameof(o.CertificatePath))}.");
        }
        switch (credential)
        {
            case "Graph:ManagedIdentity" when !bool.TryParse(o.ManagedIdentity, out _) && !Guid.TryParse(o.ManagedIdentity, out _):
                errors.Add($"{credential} must be true (system-assigned) or a user-assigned identity's client id (a GUID), not '{o.ManagedIdentity}'.");
                break;
            case "Graph:WorkloadIdentity" when string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("AZURE_FEDERATED_TOKEN_FILE")):
                errors.Add($"{credential} needs the AZURE_FEDERATED_TOKEN_FILE environment variable (set by the workload identity webhook).");
                break;
            case "Graph:CertificatePath" or "Graph:CertificateThumbprint":
                if (GraphCredentials.TryLoadCertificate(o, out var problem) is { } certificate)
                {
                    certificate.Dispose();
                }
                else
                {
                    errors.Add($"{credential}: {problem}");
                }
                break;
        }
    }

    private static void ValidateLimits(GraphOptions o, List<string> errors)
    {
        if (o.CheckBudget < TimeSpan.FromMilliseconds(100) || o.CheckBudget > TimeSpan.FromSeconds(60))
        {
            errors.Add($"{GraphOptions.Key(nameof(o.CheckBudget))} must be between 00:00:00.1 and 00:01:00 (got {o.CheckBudget}).");
        }
        if (o.CacheTtl < TimeSpan.Zero || o.CacheTtl > TimeSpan.FromHours(1))
        {
            errors.Add($"{GraphOptions.Key(nameof(o.CacheTtl))} must be between 00:00:00 (no cache) and 01:00:00 (got {o.CacheTtl}).");
        }
        if (o.MaxConcurrencyPerMailbox is < 1 or > 4)
        {
            errors.Add($"{GraphOptions.Key(nameof(o.MaxConcurrencyPerMailbox))} must be between 1 and 4: Outlook allows 4 concurrent requests per mailbox (got {o.MaxConcurrencyPerMailbox}).");
        }
    }

    private static void Require(string? value, string setting, string credential, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{GraphOptions.Key(setting)} is required with {credential}.");
        }
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip));
}
