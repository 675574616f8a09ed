using Handoff.Api.Admin.HandoffSettings;
using Handoff.Api.Handoffs.Outbox;
using Handoff.Api.Leads;
using Handoff.Api.Leads.Routing;
using Microsoft.Extensions.Options;

namespace Handoff.Api.Handoffs;

public static class HandoffsSetup
{
    /// <summary>
    /// The baton: lead context, handoff records, the handoff bar in the check, and the brief outbox with its worker.
    /// Briefs are mailed through Graph when a Graph section is configured (as the SDR with on-behalf-of, or from
    /// BriefMail:Sender); otherwise they stay in the outbox (GET /api/v1/handoffs/{key}/deliveries). See docs/handoffs.md.
    /// </summary>
    public static WebApplicationBuilder AddHandoffs(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<HandoffSettingsCache>();
        builder.Services.AddSingleton<HandoffGate>();
        builder.Services.AddSingleton<BriefLinks>();
        builder.Services.AddScoped<HandoffRecorder>();
        builder.Services.AddOptions<BriefOutboxOptions>().BindConfiguration(BriefOutboxOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<BriefOutboxOptions>, OutboxOptionsValidator>();
        builder.AddBriefMail();
        builder.AddLeadRouting(); // POST /api/v1/leads/route (Leads/Routing)
        builder.Services.AddHostedService<BriefOutboxWorker>();
        return builder;
    }

    /// <summary>/api/v1/leads, /api/v1/handoffs, and the brief page /handoffs/{key}.</summary>
    public static WebApplication MapBaton(this WebApplication app)
    {
        app.MapLeads();
        app.MapHandoffs();
        // The page is the add-in's brief.html; it signs in like the pane and reads GET /api/v1/handoffs/{key}.
        app.MapGet("/handoffs/{key}", (string key) => TypedResults.Redirect($"/addin/brief.html?key={Uri.EscapeDataString(key)}"))
            .ExcludeFromDescription().AllowAnonymous();
        return app;
    }

    private sealed class OutboxOptionsValidator : IValidateOptions<BriefOutboxOptions>
    {
        public ValidateOptionsResult Validate(string? name, BriefOutboxOptions options) =>
            options.Problems().ToArray() is { Length: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
