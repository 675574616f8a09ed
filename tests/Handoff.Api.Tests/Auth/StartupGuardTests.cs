using System.Net;
using Handoff.Api.Auth;
using Handoff.Api.Infrastructure;
using Handoff.Api.Tests.Support;
using Handoff.Storage;
using Microsoft.Extensions.Configuration;

namespace Handoff.Api.Tests.Auth;

/// <summary>Settings that would leave the API open or broken stop it at start-up with a message naming the setting.</summary>
public sealed class StartupGuardTests
{
    [TestCase("http://localhost:5000", true)]
    [TestCase("http://127.0.0.1:5000", true)]
    [TestCase("https://127.0.0.2:7000/", true)]
    [TestCase("http://[::1]:5000", true)]
    [TestCase("http://*:5000", false)]
    [TestCase("http://+:80", false)]
    [TestCase("http://0.0.0.0:5000", false)]
    [TestCase("http://[::]:5000", false)]
    [TestCase("http://192.168.1.20:5000", false)]
    [TestCase("http://handoff.example.com", false)]
    public void Loopback_is_recognised(string url, bool loopback) =>
        Assert.That(DemoBindingGuard.IsLoopback(url), Is.EqualTo(loopback));

    [TestCase("urls", "http://localhost:5000;http://0.0.0.0:5001", "urls")]
    [TestCase("Kestrel:Endpoints:Http:Url", "http://*:5000", "Kestrel:Endpoints:Http:Url")]
    [TestCase("http_ports", "8080", "HTTP_PORTS")]
    public void Demo_mode_refuses_a_non_loopback_binding_naming_the_setting(string key, string value, string named)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        var error = Assert.Throws<StartupRefusedException>(() => DemoBindingGuard.ThrowIfNotLoopback(config));
        Assert.That(error!.Message, Does.Contain(named).And.Contain("Auth:Mode"));
    }

    [Test]
    public void Urls_win_over_ports_as_in_kestrel()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:5000",
            ["http_ports"] = "8080",
        }).Build();
        Assert.DoesNotThrow(() => DemoBindingGuard.ThrowIfNotLoopback(config));
    }

    [Test]
    public async Task The_app_does_not_start_in_demo_mode_on_0_0_0_0()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new HandoffApp(db, new Dictionary<string, string?> { ["urls"] = "http://0.0.0.0:5000" });
        var error = Assert.Throws<StartupRefusedException>(() => app.CreateClient());
        Assert.That(error!.Message, Does.Contain("Auth:Mode").And.Contain("0.0.0.0"));
    }

    [TestCase("Auth:Mode", "Kerberos", "Auth:Mode")]
    [TestCase("Database:Provider", "Oracle", "Database:Provider")]
    public async Task Unknown_modes_stop_the_app(string key, string value, string named)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new HandoffApp(db, new Dictionary<string, string?> { [key] = value });
        var error = Assert.Catch(() => app.CreateClient());
        Assert.That(error!.ToString(), Does.Contain(named));
    }

    [Test]
    public async Task Local_jwt_without_a_key_stops_the_app()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new HandoffApp(db, new Dictionary<string, string?>
        {
            ["Auth:Mode"] = "LocalJwt",
            ["Auth:LocalJwt:Issuer"] = "x",
            ["Auth:LocalJwt:Audience"] = "y",
        });
        var error = Assert.Catch(() => app.CreateClient());
        Assert.That(error!.ToString(), Does.Contain("Auth:LocalJwt:SigningKey"));
    }

    [Test]
    public async Task Postgres_without_a_connection_string_stops_the_app()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new HandoffApp(db, new Dictionary<string, string?> { ["Database:Provider"] = "Postgres", ["ConnectionStrings:Handoff"] = "" });
        var error = Assert.Catch(() => app.CreateClient());
        Assert.That(error!.ToString(), Does.Contain("ConnectionStrings:Handoff"));
    }

    [Test]
    public async Task Entra_mode_challenges_without_a_token_and_tells_the_add_in_its_scope()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new HandoffApp(db, new Dictionary<string, string?>
        {
            ["Auth:Mode"] = "Entra",
            ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
            ["AzureAd:TenantId"] = "11111111-1111-1111-1111-111111111111",
            ["AzureAd:ClientId"] = "22222222-2222-2222-2222-222222222222",
            ["AzureAd:Audience"] = "api://22222222-2222-2222-2222-222222222222",
        });
        var client = app.CreateClient();
        await (await client.GetAsync("/api/v1/admin/rsms")).ProblemAsync(HttpStatusCode.Unauthorized);
        var config = await (await client.GetAsync("/api/v1/client-config")).JsonAsync(HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(config["authMode"]!.GetValue<string>(), Is.EqualTo("Entra"));
            Assert.That(config["entra"]!["clientId"]!.GetValue<string>(), Is.EqualTo("22222222-2222-2222-2222-222222222222"));
            Assert.That(config["entra"]!["tenantId"]!.GetValue<string>(), Is.EqualTo("11111111-1111-1111-1111-111111111111"));
            Assert.That(config["entra"]!["apiScope"]!.GetValue<string>(), Is.EqualTo("api://22222222-2222-2222-2222-222222222222/access_as_user"));
        });
    }
}
