using Microsoft.OpenApi;

namespace Handoff.Api.Auth;

internal static class SwaggerBearer
{
    /// <summary>Lets Swagger UI's "Authorize" button send Authorization: Bearer &lt;token&gt;.</summary>
    public static void AddBearerInSwagger(this IServiceCollection services) =>
        services.ConfigureSwaggerGen(o =>
        {
            o.AddSecurityDefinition("Bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "An access token with the Handoff.Admin or Handoff.Sdr role (not needed in Demo mode).",
            });
            o.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference("Bearer", document)] = [],
            });
        });
}
