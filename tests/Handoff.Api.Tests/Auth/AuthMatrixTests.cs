using System.Net;
using System.Security.Cryptography;
using Handoff.Api.Auth;
using Handoff.Api.Tests.Support;
using Handoff.Storage;
using Microsoft.IdentityModel.Tokens;

namespace Handoff.Api.Tests.Auth;

/// <summary>LocalJwt sign-in: 401 for a missing or bad token, 403 for the wrong role, both as problem+json.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class AuthMatrixTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string Admin = "/api/v1/admin/rsms";
    private const string Check = "/api/v1/meetings/check";

    protected override IDictionary<string, string?> Settings => Tokens.Settings;

    private static object CheckBody => new
    {
        start = "2026-12-03T17:00:00Z",
        end = "2026-12-03T18:00:00Z",
        organizerTimeZone = "America/New_York",
        attendees = new[] { "buyer@acme.com" },
    };

    [Test]
    public async Task No_token_is_401_problem_with_a_bearer_challenge()
    {
        var response = await Client.GetAsync(Admin);
        var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.StartWith("Bearer"));
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("Authorization: Bearer"));
        await (await Client.PostJsonAsync(Check, CheckBody)).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [TestCase("expired")]
    [TestCase("wrong audience")]
    [TestCase("wrong issuer")]
    [TestCase("wrong signature")]
    [TestCase("garbage")]
    public async Task A_bad_token_is_401(string what)
    {
        var roles = new[] { Roles.Admin };
        Client.Bearer(what switch
        {
            "expired" => Tokens.Mint(roles, expiresIn: TimeSpan.FromMinutes(-10)),
            "wrong audience" => Tokens.Mint(roles, audience: "api://someone-else"),
            "wrong issuer" => Tokens.Mint(roles, issuer: "https://evil.example"),
            "wrong signature" => Tokens.Mint(roles, key: Tokens.OtherKey),
            _ => "not.a.jwt",
        });
        await (await Client.GetAsync(Admin)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await Client.PostJsonAsync(Check, CheckBody)).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task An_unsigned_token_is_401()
    {
        var parts = Tokens.Mint([Roles.Admin]).Split('.');
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        Client.Bearer($"{header}.{parts[1]}.");
        await (await Client.GetAsync(Admin)).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task An_sdr_on_an_admin_endpoint_is_403_naming_the_role()
    {
        Client.Bearer(Tokens.Mint([Roles.Sdr]));
        var problem = await (await Client.GetAsync(Admin)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain(Roles.Admin));
        await (await Client.PostJsonAsync(Admin, Samples.Rsm())).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task A_token_without_roles_is_403_on_the_check()
    {
        Client.Bearer(Tokens.Mint([]));
        await (await Client.PostJsonAsync(Check, CheckBody)).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [TestCase(Roles.Sdr)]
    [TestCase(Roles.Admin)]
    public async Task Sdr_and_admin_may_check(string role)
    {
        Client.Bearer(Tokens.Mint([role]));
        await (await Client.PostJsonAsync(Check, CheckBody)).JsonAsync(HttpStatusCode.OK);
    }

    [Test]
    public async Task An_admin_may_administer_and_is_named_in_the_audit()
    {
        Client.Bearer(Tokens.Mint([Roles.Admin]));
        await CreateAsync("rsms", Samples.Rsm());
        var audit = await (await Client.GetAsync("/api/v1/admin/audit")).JsonAsync(HttpStatusCode.OK);
        Assert.That(audit["items"]![0]!["actor"]!.GetValue<string>(), Is.EqualTo("Test Admin"));
        Assert.That(audit["items"]![0]!["actorId"]!.GetValue<string>(), Is.EqualTo("00000000-0000-0000-0000-0000000000aa"));
    }

    [TestCase("/healthz")]
    [TestCase("/swagger/v1/swagger.json")]
    [TestCase("/api/v1/client-config")]
    public async Task Anonymous_endpoints_need_no_token(string url)
    {
        var response = await Client.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
    }

    [Test]
    public async Task Client_config_says_local_jwt_without_secrets()
    {
        var text = await (await Client.GetAsync("/api/v1/client-config")).Content.ReadAsStringAsync();
        Assert.That(text, Is.EqualTo("""{"authMode":"LocalJwt","apiBaseUrl":null,"entra":null}"""));
    }

    [Test]
    public async Task Swagger_offers_a_bearer_scheme()
    {
        var doc = await (await Client.GetAsync("/swagger/v1/swagger.json")).JsonAsync(HttpStatusCode.OK);
        Assert.That(doc["components"]!["securitySchemes"]!["Bearer"]!["scheme"]!.GetValue<string>(), Is.EqualTo("bearer"));
    }
}

/// <summary>RS256: an RSA public key in configuration instead of a shared secret.</summary>
public sealed class RsaLocalJwtTests
{
    [Test]
    public async Task A_token_signed_with_the_matching_private_key_is_accepted_and_another_key_is_not()
    {
        using var rsa = RSA.Create(2048);
        using var other = RSA.Create(2048);
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new HandoffApp(db, new Dictionary<string, string?>
        {
            ["Auth:Mode"] = "LocalJwt",
            ["Auth:LocalJwt:Issuer"] = Tokens.Issuer,
            ["Auth:LocalJwt:Audience"] = Tokens.Audience,
            ["Auth:LocalJwt:RsaPublicKeyPem"] = rsa.ExportSubjectPublicKeyInfoPem(),
        });
        var client = app.CreateClient();
        client.Bearer(Tokens.Mint([Roles.Admin], credentials: new SigningCredentials(new RsaSecurityKey(rsa), SecurityAlgorithms.RsaSha256)));
        await (await client.GetAsync("/api/v1/admin/rsms")).JsonAsync(HttpStatusCode.OK);
        client.Bearer(Tokens.Mint([Roles.Admin], credentials: new SigningCredentials(new RsaSecurityKey(other), SecurityAlgorithms.RsaSha256)));
        await (await client.GetAsync("/api/v1/admin/rsms")).ProblemAsync(HttpStatusCode.Unauthorized);
    }
}
