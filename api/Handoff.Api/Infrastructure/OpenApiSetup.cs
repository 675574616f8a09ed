namespace Handoff.Api.Infrastructure;

public static class OpenApiSetup
{
    public static IServiceCollection AddHandoffOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new Microsoft.OpenApi.OpenApiInfo
            {
                Title = "Handoff API",
                Version = "v1",
                Description = "Checks the meetings SDRs book for RSMs: time zones, calendars, travel and territories.",
            });
            o.SupportNonNullableReferenceTypes();
            o.OperationFilter<OpenApiProblemResponses>();
        });
        return services;
    }

    public static WebApplication UseHandoffOpenApi(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(o =>
        {
            o.DocumentTitle = "Handoff API";
            o.HeadContent = SwaggerUiContrast.Style;
        });
        return app;
    }
}
