namespace Handoff.Graph;

/// <summary>
/// The <c>Graph</c> configuration section. Exactly one credential: <see cref="ClientSecret"/>,
/// <see cref="CertificatePath"/> (+ <see cref="CertificatePassword"/>), <see cref="CertificateThumbprint"/>,
/// <see cref="ManagedIdentity"/>, <see cref="WorkloadIdentity"/>, <see cref="AccessToken"/> or <see cref="OnBehalfOf"/>.
/// </summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";
    public const string DefaultBaseUrl = "https://graph.microsoft.com/v1.0";

    /// <summary>Graph's service root, version included. http is accepted for loopback hosts only (local trials).</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>A PFX/PEM file with the app's certificate and private key.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>A certificate in the CurrentUser or LocalMachine "My" store.</summary>
    public string? CertificateThumbprint { get; set; }

    /// <summary>"true" for the system-assigned identity, or a user-assigned identity's client id.</summary>
    public string? ManagedIdentity { get; set; }

    /// <summary>Kubernetes workload identity: tenant, client and token file come from AZURE_* variables.</summary>
    public bool WorkloadIdentity { get; set; }

    /// <summary>A static bearer token (e.g. from Graph Explorer) for local trials; it is sent only to <see cref="BaseUrl"/>'s host.</summary>
    public string? AccessToken { get; set; }

    /// <summary>
    /// Delegated access, the default with Entra sign-in: each check exchanges the SDR's own token for a Graph token
    /// (on-behalf-of, delegated <c>Calendars.ReadBasic</c>) and asks <c>/me/calendar/getSchedule</c>. The app's
    /// credential comes from the <c>AzureAd</c> section; no service mailbox, no tenant-wide grant.
    /// </summary>
    public bool OnBehalfOf { get; set; }

    /// <summary>
    /// The mailbox whose <c>/calendar/getSchedule</c> answers for everybody: a service mailbox for app-only
    /// credentials. Empty with <see cref="AccessToken"/> means the signed-in user (<c>/me</c>).
    /// </summary>
    public string? ScheduleMailbox { get; set; }

    /// <summary>Time allowed for the whole calendar read of one check, retries included.</summary>
    public TimeSpan CheckBudget { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a read schedule is reused; zero turns the cache off.</summary>
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Requests in flight per mailbox; Outlook allows 4 per app and mailbox.</summary>
    public int MaxConcurrencyPerMailbox { get; set; } = 4;

    internal Uri BaseUri => new(BaseUrl.TrimEnd('/'));

    internal bool UsesMe => OnBehalfOf || string.IsNullOrWhiteSpace(ScheduleMailbox);

    /// <summary>The delegated scope an on-behalf-of exchange asks for: the least privilege getSchedule accepts.</summary>
    internal IReadOnlyList<string> DelegatedScopes => [$"{GraphCredentials.ResourceFor(BaseUri)}/Calendars.ReadBasic"];

    /// <summary>The credential settings that are set, by their configuration names.</summary>
    public IReadOnlyList<string> ConfiguredCredentials()
    {
        var found = new List<string>();
        if (!string.IsNullOrWhiteSpace(ClientSecret)) found.Add(Key(nameof(ClientSecret)));
        if (!string.IsNullOrWhiteSpace(CertificatePath)) found.Add(Key(nameof(CertificatePath)));
        if (!string.IsNullOrWhiteSpace(CertificateThumbprint)) found.Add(Key(nameof(CertificateThumbprint)));
        if (!string.IsNullOrWhiteSpace(ManagedIdentity) && !IsFalse(ManagedIdentity)) found.Add(Key(nameof(ManagedIdentity)));
        if (WorkloadIdentity) found.Add(Key(nameof(WorkloadIdentity)));
        if (!string.IsNullOrWhiteSpace(AccessToken)) found.Add(Key(nameof(AccessToken)));
        if (OnBehalfOf) found.Add(Key(nameof(OnBehalfOf)));
        return found;
    }

    internal static string Key(string setting) => $"{Section}:{setting}";

    internal static bool IsFalse(string value) => bool.TryParse(value, out var b) && !b;
}
