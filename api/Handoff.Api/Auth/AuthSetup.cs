using Handoff.Api.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Handoff.Api.Graph.OnBehalfOf;
using Microsoft.Identity.Web;

namespace Handoff.Api.Auth;

public enum AuthMode
{
    /// <summary>No sign-in: every caller is the demo user with both roles. Loopback only.</summary>
    Demo,
    /// <summary>JWTs signed by a key the API is configured with (self-hosting, tests).</summary>
    LocalJwt,
    /// <summary>Microsoft Entra ID access tokens (Microsoft.Identity.Web).</summary>
    Entra,
}

/// <summary>App roles, as the "roles" claim carries them.</summary>
public static class Roles
{
    public const string Admin = "Handoff.Admin";
    public const string Sdr = "Handoff.Sdr";
    /// <summary>Field reps: read the handoffs (and briefs) addressed to them.</summary>
    public const string Rsm = "Handoff.Rsm";
    /// <summary>System-to-system (marketing automation, CRM): writes lead context and nothing else.</summary>
    public const string Integration = "Handoff.Integration";
    /// <summary>Sales leaders: read every handoff report figure (docs/outcomes.md).</summary>
    public const string Manager = "Handoff.Manager";
}

/// <summary>Authorization policies: admin endpoints need Admin; the check and suggestions need Sdr or Admin.</summary>
public static class Policies
{
    public const string Admin = "Admin";
    public const string Sdr = "Sdr";
    public const string LeadWriter = "LeadWriter";
    public const string HandoffReader = "HandoffReader";
}

public static class AuthSetup
{
    public const string DemoScheme = "Demo";

    public static AuthMode ModeFrom(IConfiguration config)
    {
        var text = config["Auth:Mode"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return AuthMode.Demo;
        }
        return Enum.TryParse<AuthMode>(text, ignoreCase: true, out var mode) && Enum.IsDefined(mode)
            ? mode
            : throw new StartupRefusedException($"Auth:Mode must be Demo, LocalJwt or Entra (it is '{text}').");
    }

    /// <summary>Sign-in by Auth:Mode, the two role policies, and 401/403 as problem details.</summary>
    public static WebApplicationBuilder AddHandoffAuth(this WebApplicationBuilder builder)
    {
        var mode = ModeFrom(builder.Configuration);
        var auth = builder.Services.AddAuthentication(mode == AuthMode.Demo ? DemoScheme : JwtBearerDefaults.AuthenticationScheme);
        switch (mode)
        {
            case AuthMode.Demo:
                DemoBindingGuard.ThrowIfNotLoopback(builder.Configuration);
                auth.AddScheme<AuthenticationSchemeOptions, DemoAuthenticationHandler>(DemoScheme, null);
                builder.Services.AddHostedService<DemoBindingGuard>();
                break;
            case AuthMode.LocalJwt:
                builder.Services.AddOptions<LocalJwtOptions>().BindConfiguration(LocalJwtOptions.Section).ValidateOnStart();
                builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<LocalJwtOptions>, LocalJwtOptionsValidator>();
                auth.AddJwtBearer();
                builder.Services.ConfigureOptions<LocalJwtBearerSetup>();
                break;
            case AuthMode.Entra:
                EntraSettings.ThrowIfIncomplete(builder.Configuration);
                // Token acquisition lets the Graph reader exchange the SDR's token on their behalf (Graph/OnBehalfOf).
                auth.AddMicrosoftIdentityWebApi(builder.Configuration, "AzureAd").EnableTokenAcquisitionToCallDownstreamApi();
                builder.Services.AddHandoffTokenCache();
                builder.Services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
                {
                    // Claims keep Entra's short names ("roles", "scp", "oid"): with the default mapping "roles"
                    // became ClaimTypes.Role and no Entra caller ever held a Handoff role.
                    o.MapInboundClaims = false;
                    o.TokenValidationParameters.RoleClaimType = "roles";
                    o.TokenValidationParameters.NameClaimType = "name";
                });
                break;
        }
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Sdr, p => p.RequireRole(Roles.Sdr, Roles.Admin))
            .AddPolicy(Policies.LeadWriter, p => p.RequireRole(Roles.Integration, Roles.Admin))
            .AddPolicy(Policies.HandoffReader, p => p.RequireRole(Roles.Sdr, Roles.Rsm, Roles.Admin));
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        builder.Services.AddSingleton(new ClientAuthInfo(mode));
        builder.Services.AddBearerInSwagger();
        return builder;
    }

    /// <summary>After problem details, so a 401/403 leaves as application/problem+json.</summary>
    public static WebApplication UseHandoffAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
