using Handoff.Graph.Fake;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Client;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Handoff.Graph.Tests;

/// <summary>
/// The whole API with Auth:Mode=Entra against <see cref="FakeEntra"/> and Graph's fake: the real Microsoft.Identity.Web
/// validates the SDR's token and MSAL.NET talks to the fake's token endpoint; Graph is read (and mailed) on behalf of the SDR.
/// </summary>
internal static class EntraHarness
{
    public static WebApplicationFactory<Program> Api(FakeEntra entra, FakeEntraServer entraServer, FakeGraphServer graphServer, Action<IWebHostBuilder>? more = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Handoff", $"Data Source={Path.Combine(Path.GetTempPath(), $"handoff-obo-{Guid.NewGuid():N}.db")}");
            b.UseSetting("Auth:Mode", "Entra");
            b.UseSetting("Demo:Seed", "true"); // the demo org (its West RSM) in the throwaway store
            b.UseSetting("AzureAd:Instance", entra.Instance);
            b.UseSetting("AzureAd:TenantId", entra.TenantId);
            b.UseSetting("AzureAd:ClientId", entra.ClientId);
            b.UseSetting("AzureAd:ClientSecret", entra.ClientSecret);
            // A Graph section without an app credential: with Entra sign-in that means on-behalf-of (the default).
            b.UseSetting("Graph:CheckBudget", "00:00:10");
            more?.Invoke(b);
            b.ConfigureTestServices(services =>
            {
                services.AddSingleton(new GraphTransport { FinalHandler = graphServer.CreateHandler() });
                // Everything Microsoft.Identity.Web and MSAL send to login.microsoftonline.com reaches the fake.
                services.ConfigureHttpClientDefaults(h => h.ConfigurePrimaryHttpMessageHandler(() => entraServer.CreateHandler()));
                services.AddSingleton<IMsalHttpClientFactory>(new EntraHttp(entraServer));
                services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
                {
                    var metadata = o.MetadataAddress ?? $"{o.Authority!.TrimEnd('/')}/.well-known/openid-configuration";
                    o.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(metadata, new OpenIdConnectConfigurationRetriever(),
                        new HttpDocumentRetriever(new HttpClient(entraServer.CreateHandler())));
                    // Microsoft.Identity.Web's AadIssuerValidator accepts a configured issuer before it fetches its
                    // own copy of the metadata (with an HttpClient of its own that these tests cannot reach).
                    o.TokenValidationParameters.ValidIssuer = entra.Issuer;
                });
            });
        });

    private sealed class EntraHttp(FakeEntraServer server) : IMsalHttpClientFactory
    {
        private readonly HttpClient _client = new(server.CreateHandler());

        public HttpClient GetHttpClient() => _client;
    }
}
