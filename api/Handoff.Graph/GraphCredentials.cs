using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;
using Microsoft.Graph.Authentication;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Handoff.Graph;

/// <summary>Turns the configured credential into the SDK's authentication provider.</summary>
internal static class GraphCredentials
{
    /// <summary>
    /// The provider that signs requests. A <see cref="TokenCredential"/> gets Graph's own provider, told the
    /// configured host: its default list holds only Microsoft's Graph hosts and silently sends no token elsewhere.
    /// </summary>
    public static IAuthenticationProvider CreateProvider(GraphOptions options, TokenCredential? credential = null, IDelegatedTokenSource? delegated = null)
    {
        var host = options.BaseUri.Host;
        if (options.OnBehalfOf)
        {
            var source = delegated ?? throw new InvalidOperationException($"{GraphOptions.Key(nameof(options.OnBehalfOf))} needs an {nameof(IDelegatedTokenSource)} (Auth:Mode=Entra registers one).");
            return new BaseBearerTokenAuthenticationProvider(new DelegatedAccessTokenProvider(source, host, options.DelegatedScopes));
        }
        if (credential is null && !string.IsNullOrWhiteSpace(options.AccessToken))
        {
            return new BaseBearerTokenAuthenticationProvider(new StaticAccessTokenProvider(options.AccessToken, host));
        }
        credential ??= CreateCredential(options);
        return new AzureIdentityAuthenticationProvider(credential, [host], null, true, ScopeFor(options.BaseUri));
    }

    /// <summary>App-only access asks for the resource's ".default" scope: the application permissions the admin consented to.</summary>
    internal static string ScopeFor(Uri baseUri) => $"{ResourceFor(baseUri)}/.default";

    /// <summary>The Graph resource tokens are asked for: a national cloud's own host, else the global one (also for local fakes).</summary>
    internal static string ResourceFor(Uri baseUri) =>
        baseUri.Scheme == Uri.UriSchemeHttps && baseUri.Host.Contains("graph", StringComparison.OrdinalIgnoreCase)
            ? $"https://{baseUri.Host}"
            : "https://graph.microsoft.com";

    public static TokenCredential CreateCredential(GraphOptions o)
    {
        if (!string.IsNullOrWhiteSpace(o.ClientSecret))
        {
            return new ClientSecretCredential(o.TenantId, o.ClientId, o.ClientSecret);
        }
        if (!string.IsNullOrWhiteSpace(o.CertificatePath) || !string.IsNullOrWhiteSpace(o.CertificateThumbprint))
        {
            var certificate = TryLoadCertificate(o, out var problem) ?? throw new InvalidOperationException(problem);
            return new ClientCertificateCredential(o.TenantId, o.ClientId, certificate);
        }
        if (o.WorkloadIdentity)
        {
            // Tenant, client and token file default to the AZURE_* variables the webhook sets; settings win.
            var options = new WorkloadIdentityCredentialOptions();
            if (!string.IsNullOrWhiteSpace(o.TenantId)) options.TenantId = o.TenantId;
            if (!string.IsNullOrWhiteSpace(o.ClientId)) options.ClientId = o.ClientId;
            return new WorkloadIdentityCredential(options);
        }
        if (!string.IsNullOrWhiteSpace(o.ManagedIdentity) && !GraphOptions.IsFalse(o.ManagedIdentity))
        {
            return Guid.TryParse(o.ManagedIdentity, out _)
                ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(o.ManagedIdentity))
                : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
        }
        throw new InvalidOperationException($"No credential configured in the {GraphOptions.Section} section.");
    }

    /// <summary>Loads the configured certificate, or says why it cannot (the validator reports it at start-up).</summary>
    public static X509Certificate2? TryLoadCertificate(GraphOptions o, out string problem)
    {
        problem = "";
        try
        {
            if (!string.IsNullOrWhiteSpace(o.CertificatePath))
            {
                return LoadFile(o.CertificatePath, o.CertificatePassword, out problem);
            }
            var thumbprint = o.CertificateThumbprint!.Replace(" ", "", StringComparison.Ordinal);
            foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
            {
                using var store = new X509Store(StoreName.My, location);
                store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
                var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
                if (found.FirstOrDefault(c => c.HasPrivateKey) is { } certificate)
                {
                    return certificate;
                }
            }
            problem = $"no certificate with a private key and thumbprint {thumbprint} in the CurrentUser or LocalMachine 'My' store.";
            return null;
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            problem = $"the certificate could not be loaded: {ex.Message}";
            return null;
        }
    }

    private static X509Certificate2? LoadFile(string path, string? password, out string problem)
    {
        problem = "";
        if (!File.Exists(path))
        {
            problem = $"file not found: {path}.";
            return null;
        }
        var certificate = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".pem" or ".crt" => string.IsNullOrEmpty(password)
                ? X509Certificate2.CreateFromPemFile(path)
                : X509Certificate2.CreateFromEncryptedPemFile(path, password),
            _ => X509CertificateLoader.LoadPkcs12FromFile(path, password),
        };
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            problem = $"{path} holds no private key; the app signs its token request with it.";
            return null;
        }
        return certificate;
    }
}
