using System.Net;
using Handoff.Api.Tests.Support;

namespace Handoff.Api.Tests.AddIn;

/// <summary>GET /addin/manifest.xml (and commands.js, the well-known file) never writes a Host header it was not told to trust.</summary>
public class ManifestOriginTests
{
    private string _addIn = null!;

    [SetUp]
    public void BuiltAddIn()
    {
        // A stand-in for the add-in build: only the templates matter here.
        _addIn = Directory.CreateTempSubdirectory("handoff-addin-").FullName;
        File.WriteAllText(Path.Combine(_addIn, "manifest.template.xml"), "<SourceLocation DefaultValue=\"https://localhost:5001/addin/taskpane.html\"/>");
        File.WriteAllText(Path.Combine(_addIn, "commands.template.js"), "var origin=\"https://localhost:5001\";");
    }

    [TearDown]
    public void Clean() => Directory.Delete(_addIn, recursive: true);

    [Test]
    public async Task AnUnknownHost_GetsNoManifest()
    {
        await using var db = await TestDatabase.CreateAsync(Handoff.Storage.DatabaseProvider.Sqlite);
        await using var app = new HandoffApp(db, new Dictionary<string, string?> { ["AddIn:Path"] = _addIn });
        using var client = app.CreateClient();

        foreach (var path in new[] { "/addin/manifest.xml", "/addin/commands.js", "/.well-known/microsoft-officeaddins-allowed.json" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Host = "evil.example" } };
            var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), path);
            Assert.That(body, Does.Contain("AddIn:PublicOrigin").And.Not.Contain("evil.example/addin"), path);
        }
    }

    [Test]
    public async Task ThePublicOrigin_WinsOverTheHostHeader()
    {
        await using var db = await TestDatabase.CreateAsync(Handoff.Storage.DatabaseProvider.Sqlite);
        await using var app = new HandoffApp(db, new Dictionary<string, string?> { ["AddIn:Path"] = _addIn, ["AddIn:PublicOrigin"] = "https://handoff.contoso.com/" });
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/addin/manifest.xml") { Headers = { Host = "evil.example" } };

        var xml = await (await client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.That(xml, Is.EqualTo("<SourceLocation DefaultValue=\"https://handoff.contoso.com/addin/taskpane.html\"/>"));
    }

    [TestCase("handoff.contoso.com", "handoff.contoso.com")]
    [TestCase("*.contoso.com", "handoff.contoso.com")]
    [TestCase("handoff.contoso.com;other.example", "other.example")]
    public async Task AnAllowedHost_IsUsed(string allowed, string host)
    {
        await using var db = await TestDatabase.CreateAsync(Handoff.Storage.DatabaseProvider.Sqlite);
        await using var app = new HandoffApp(db, new Dictionary<string, string?> { ["AddIn:Path"] = _addIn, ["AddIn:AllowedHosts"] = allowed });
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/addin/commands.js") { Headers = { Host = host } };

        var script = await (await client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.That(script, Is.EqualTo($"var origin=\"http://{host}\";"));
    }

    [Test]
    public async Task Loopback_IsUsed_ForLocalTrials()
    {
        await using var db = await TestDatabase.CreateAsync(Handoff.Storage.DatabaseProvider.Sqlite);
        await using var app = new HandoffApp(db, new Dictionary<string, string?> { ["AddIn:Path"] = _addIn });
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/microsoft-officeaddins-allowed.json") { Headers = { Host = "127.0.0.1:5123" } };

        var json = await (await client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.That(json, Is.EqualTo("{\"allowed\":[\"http://127.0.0.1:5123/addin/commands.js\"]}"));
    }
}
