using Microsoft.Extensions.Configuration;

namespace Handoff.Graph.Tests;

/// <summary>Start-up validation of the Graph section: every message names the setting to fix.</summary>
public class GraphOptionsTests
{
    private static readonly string Tenant = "00000000-0000-0000-0000-0000000000aa";
    private static readonly string Client = "00000000-0000-0000-0000-0000000000bb";

    [Test]
    public void ClientSecret_WithTenantClientAndMailbox_IsValid() =>
        Assert.That(Errors(("ClientSecret", "s"), ("TenantId", Tenant), ("ClientId", Client), ("ScheduleMailbox", "svc@contoso.com")), Is.Empty);

    [Test]
    public void AccessToken_Alone_IsValid_AndDefaultsAreSensible()
    {
        var options = Bind(("AccessToken", "t"));
        Assert.That(Errors(("AccessToken", "t")), Is.Empty);
        Assert.That(options.BaseUrl, Is.EqualTo("https://graph.microsoft.com/v1.0"));
        Assert.That((options.CheckBudget, options.CacheTtl, options.MaxConcurrencyPerMailbox), Is.EqualTo((TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(60), 4)));
    }

    [Test]
    public void AccessToken_WithLoopbackHttp_IsValid() =>
        Assert.That(Errors(("AccessToken", "t"), ("BaseUrl", "http://127.0.0.1:5099/v1.0")), Is.Empty);

    [TestCase("http://graph.example.com/v1.0", "Graph:BaseUrl must use https")]
    [TestCase("graph.microsoft.com/v1.0", "Graph:BaseUrl must be an absolute URL")]
    public void BaseUrl_Bad_IsNamed(string url, string message) =>
        Assert.That(Errors(("AccessToken", "t"), ("BaseUrl", url)), Has.One.StartsWith(message));

    [Test]
    public void NoCredential_ListsTheChoices() =>
        Assert.That(Errors(("BaseUrl", "https://graph.microsoft.com/v1.0")), Has.One.Contains("Graph:ClientSecret").And.Contains("Graph:AccessToken").And.Contains("Graph:ManagedIdentity"));

    [Test]
    public void TwoCredentials_AreNamed() =>
        Assert.That(Errors(("ClientSecret", "s"), ("AccessToken", "t")), Has.One.Contains("Graph:ClientSecret and Graph:AccessToken"));

    [Test]
    public void ClientSecret_WithoutTenant_NamesTenantId() =>
        Assert.That(Errors(("ClientSecret", "s"), ("ClientId", Client), ("ScheduleMailbox", "svc@contoso.com")),
            Is.EqualTo(new[] { "Graph:TenantId is required with Graph:ClientSecret." }));

    [Test]
    public void AppOnly_WithoutScheduleMailbox_NamesIt() =>
        Assert.That(Errors(("ClientSecret", "s"), ("TenantId", Tenant), ("ClientId", Client)), Has.One.StartsWith("Graph:ScheduleMailbox is required with Graph:ClientSecret"));

    [Test]
    public void CertificatePath_Missing_NamesIt() =>
        Assert.That(Errors(("CertificatePath", "/nowhere/app.pfx"), ("TenantId", Tenant), ("ClientId", Client), ("ScheduleMailbox", "svc@contoso.com")),
            Is.EqualTo(new[] { "Graph:CertificatePath: file not found: /nowhere/app.pfx." }));

    [TestCase(".pfx", "pfx-password")]
    [TestCase(".pem", null)]
    public void CertificatePath_ALoadableCertificate_IsValid_AndBecomesTheCredential(string extension, string? password)
    {
        var path = Path.Combine(Path.GetTempPath(), $"handoff-graph-{Guid.NewGuid():N}{extension}");
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=Handoff test", rsa,
            System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2035, 1, 1, 0, 0, 0, TimeSpan.Zero));
        try
        {
            if (extension == ".pfx")
            {
                File.WriteAllBytes(path, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, password));
            }
            else
            {
                File.WriteAllText(path, certificate.ExportCertificatePem() + "\n" + rsa.ExportPkcs8PrivateKeyPem());
            }
            var settings = new List<(string, string)> { ("CertificatePath", path), ("TenantId", Tenant), ("ClientId", Client), ("ScheduleMailbox", "svc@contoso.com") };
            if (password is not null)
            {
                settings.Add(("CertificatePassword", password));
            }

            Assert.That(Errors(settings.ToArray()), Is.Empty);
            Assert.That(GraphCredentials.CreateCredential(Bind(settings.ToArray())), Is.InstanceOf<Azure.Identity.ClientCertificateCredential>());
            Assert.That(Errors(settings.Where(s => s.Item1 != "CertificatePassword").Append(("CertificatePassword", "wrong")).ToArray()),
                password is null ? Is.Not.Empty : Has.One.StartsWith("Graph:CertificatePath: the certificate could not be loaded"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void CertificatePassword_WithoutPath_IsNamed() =>
        Assert.That(Errors(("AccessToken", "t"), ("CertificatePassword", "p")), Has.One.StartsWith("Graph:CertificatePassword is only used with Graph:CertificatePath"));

    [TestCase("true", true)]
    [TestCase("7d1e0c7a-1111-4b2c-9d3e-123456789abc", true)]
    [TestCase("yes please", false)]
    public void ManagedIdentity_TrueOrClientId(string value, bool valid) =>
        Assert.That(Errors(("ManagedIdentity", value), ("ScheduleMailbox", "svc@contoso.com")), valid ? Is.Empty : Has.One.StartsWith("Graph:ManagedIdentity must be true"));

    [Test]
    public void ManagedIdentityFalse_IsNoCredential() =>
        Assert.That(Errors(("ManagedIdentity", "false")), Has.One.StartsWith("The Graph section needs one credential"));

    [TestCase("CheckBudget", "00:05:00", "Graph:CheckBudget must be between")]
    [TestCase("CacheTtl", "-00:00:01", "Graph:CacheTtl must be between")]
    [TestCase("MaxConcurrencyPerMailbox", "10", "Graph:MaxConcurrencyPerMailbox must be between 1 and 4")]
    public void Limits_OutOfRange_AreNamed(string setting, string value, string message) =>
        Assert.That(Errors(("AccessToken", "t"), (setting, value)), Has.One.StartsWith(message));

    [Test]
    public void HasGraphSection_OnlyWithAValue()
    {
        Assert.That(Config().HasGraphSection(), Is.False);
        Assert.That(Config(("Graph:AccessToken", "t")).HasGraphSection(), Is.True);
        Assert.That(Config(("Graph:BaseUrl", "https://graph.microsoft.com/v1.0")).HasGraphSection(), Is.True, "a half-configured section must fail start-up, not fall back silently");
    }

    [Test]
    public async Task AccessToken_IsSentOnlyToTheConfiguredHost()
    {
        var provider = new StaticAccessTokenProvider("t", "127.0.0.1");

        Assert.That(await provider.GetAuthorizationTokenAsync(new Uri("http://127.0.0.1:5099/v1.0/me/calendar/getSchedule")), Is.EqualTo("t"));
        Assert.That(await provider.GetAuthorizationTokenAsync(new Uri("https://elsewhere.example/v1.0")), Is.Empty);
    }

    [Test]
    public async Task TokenCredential_OnALoopbackBaseUrl_StillSendsItsToken()
    {
        // The SDK's TokenCredential provider only signs requests to Microsoft's Graph hosts unless told otherwise.
        await using var harness = await GraphHarness.StartAsync(loopback: true);
        harness.Graph.AddMailbox(Samples.West);

        var lookups = await harness.ReadAsync(Samples.Tuesday, Samples.West);

        Assert.That(lookups.Single().Problem, Is.Null);
        Assert.That(harness.Graph.Requests.Single().Authorization, Is.EqualTo($"Bearer {GraphHarness.FakeCredential.Token}"));
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    private static GraphOptions Bind(params (string Setting, string Value)[] values)
    {
        var options = new GraphOptions();
        Config(values.Select(v => ($"Graph:{v.Setting}", v.Value)).ToArray()).GetSection("Graph").Bind(options);
        return options;
    }

    private static IEnumerable<string> Errors(params (string Setting, string Value)[] values)
    {
        var result = new GraphOptionsValidator().Validate(null, Bind(values));
        return result.Failures ?? [];
    }
}
