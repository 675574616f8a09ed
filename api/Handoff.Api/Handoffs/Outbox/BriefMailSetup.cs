using Handoff.Api.Graph;
using Handoff.Api.Graph.OnBehalfOf;
using Handoff.Api.Infrastructure;
using Handoff.Graph;
using Handoff.Graph.Mail;

namespace Handoff.Api.Handoffs.Outbox;

public static class BriefMailSetup
{
    /// <summary>
    /// Chooses how briefs are mailed (BriefMail:SendAs; docs/handoffs.md): as the SDR (delegated Mail.Send through the
    /// long-running on-behalf-of session the recorder starts), from BriefMail:Sender (app-only; with on-behalf-of the
    /// API's own Entra registration signs), or not at all (the outbox keeps them). Without a Graph section: not at all.
    /// </summary>
    public static WebApplicationBuilder AddBriefMail(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IBriefMailSessionStarter, NoMailSession>();
        var config = builder.Configuration;
        var options = Read(config);
        var onBehalfOf = GraphSetup.IsOnBehalfOf(config);
        if (!config.HasGraphSection())
        {
            if (options.SendAs is { } explicitly && explicitly != BriefMailSendAs.Off)
            {
                throw new StartupRefusedException($"BriefMail:SendAs={explicitly} mails through Microsoft Graph: configure the Graph section (docs/graph.md).");
            }
            return builder;
        }
        if (options.Problems(onBehalfOf).FirstOrDefault() is { } problem)
        {
            throw new StartupRefusedException(problem);
        }
        var route = options.Route(onBehalfOf);
        switch (route)
        {
            case BriefMailSendAs.Off:
                return builder;
            case BriefMailSendAs.Sdr:
                builder.Services.AddSingleton<EntraBriefMail>();
                builder.Services.AddSingleton<IDelegatedMailTokens>(sp => sp.GetRequiredService<EntraBriefMail>());
                builder.Services.AddSingleton<IBriefMailSessionStarter>(sp => sp.GetRequiredService<EntraBriefMail>());
                break;
            case BriefMailSendAs.Sender when onBehalfOf:
                builder.Services.AddSingleton<IAppTokenSource, EntraAppTokens>();
                break;
        }
        builder.Services.AddGraphBriefMailer(route);
        return builder;
    }

    private static BriefMailOptions Read(IConfiguration config)
    {
        try
        {
            return config.GetSection(BriefMailOptions.Section).Get<BriefMailOptions>() ?? new BriefMailOptions();
        }
        catch (InvalidOperationException)
        {
            throw new StartupRefusedException($"BriefMail:SendAs must be Off, Sdr or Sender (it is '{config["BriefMail:SendAs"]}').");
        }
    }

    /// <summary>Briefs not sent as the SDR need no session.</summary>
    private sealed class NoMailSession : IBriefMailSessionStarter
    {
        public Task<string?> StartAsync(string sdrEmail, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
    }
}
