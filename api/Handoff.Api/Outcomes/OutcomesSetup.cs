using Handoff.Api.Auth;
using Handoff.Api.Outcomes.Reports;
using Microsoft.Extensions.Options;

namespace Handoff.Api.Outcomes;

/// <summary>Who may record outcomes and read reports.</summary>
public static class OutcomePolicies
{
    /// <summary>SDRs and RSMs (their own handoffs), admins and the CRM integration (every handoff).</summary>
    public const string Writer = "OutcomeWriter";
    /// <summary>Managers and admins read every figure; SDRs and RSMs their own.</summary>
    public const string ReportReader = "ReportReader";
}

public static class OutcomesSetup
{
    /// <summary>Outcomes, the brief's signed outcome links, the draft check log and the handoff report (docs/outcomes.md).</summary>
    public static WebApplicationBuilder AddOutcomes(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OutcomeOptions>().BindConfiguration(OutcomeOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<OutcomeOptions>, OptionsValidator>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(OutcomePolicies.Writer, p => p.RequireRole(Roles.Sdr, Roles.Rsm, Roles.Admin, Roles.Integration))
            .AddPolicy(OutcomePolicies.ReportReader, p => p.RequireRole(Roles.Sdr, Roles.Rsm, Roles.Admin, Roles.Manager));
        builder.Services.AddDataProtection();
        builder.Services.AddSingleton<OutcomeLinks>();
        builder.Services.AddScoped<OutcomeWriter>();
        builder.Services.AddScoped<HandoffReportService>();
        builder.Services.AddScoped<ReportFairShares>();
        builder.Services.AddSingleton<StoreHeldRates>();
        // The suggestion ranking's held rates by the prospect's weekday and hour (a pure input of the scheduling core).
        builder.Services.AddSingleton<Handoff.Scheduling.Suggestions.IHeldRatesSource>(s => s.GetRequiredService<StoreHeldRates>());
        builder.Services.AddSingleton<CheckLog.CheckLogQueue>();
        builder.Services.AddHostedService<CheckLog.CheckLogWriter>();
        return builder;
    }

    /// <summary>/api/v1/handoffs/{key}/outcome, /api/v1/outcomes/import, the link pages, /api/v1/reports/handoffs.</summary>
    public static WebApplication MapOutcomesAndReports(this WebApplication app)
    {
        app.MapOutcomes();
        app.MapOutcomeImport();
        app.MapOutcomeLinks();
        app.MapHandoffReports();
        Targets.TargetsApi.MapTargets(app);
        return app;
    }

    private sealed class OptionsValidator : IValidateOptions<OutcomeOptions>
    {
        public ValidateOptionsResult Validate(string? name, OutcomeOptions options) =>
            options.Problems().ToArray() is { Length: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
