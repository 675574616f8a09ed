using Handoff.Graph;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Handoff.Api.Observability;

public static class ObservabilitySetup
{
    /// <summary>
    /// Log levels fit for production, as defaults that appsettings, environment variables and the command line
    /// still override: EF's SQL at Warning, ASP.NET's per-request lines off in favour of <see cref="RequestLog"/>.
    /// OpenTelemetry traces and metrics (checks, verdicts, Graph calls, cache hits, HTTP) when an OTLP endpoint is
    /// set (OTEL_EXPORTER_OTLP_ENDPOINT or OpenTelemetry:Otlp:Endpoint).
    /// </summary>
    public static WebApplicationBuilder AddHandoffObservability(this WebApplicationBuilder builder)
    {
        // Inserted first, so every configured source overrides these defaults.
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
                ["Logging:LogLevel:Microsoft.Extensions.Http"] = "Warning",
                ["Logging:LogLevel:System.Net.Http"] = "Warning",
                ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
                [$"Logging:LogLevel:{RequestLog.Category}"] = "Information",
            },
        });

        var endpoint = builder.Configuration["OpenTelemetry:Otlp:Endpoint"] ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return builder;
        }
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? "handoff-api"))
            .WithTracing(t => t.AddSource(HandoffTelemetry.Name, GraphMetrics.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
            .WithMetrics(m => m.AddMeter(HandoffTelemetry.Name, GraphMetrics.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
            .UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf, new Uri(endpoint));
        // Trace ids in every log line's scope, so a log line finds its trace.
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        return builder;
    }

    public static WebApplication UseHandoffRequestLog(this WebApplication app)
    {
        app.UseMiddleware<RequestLog>();
        return app;
    }
}
