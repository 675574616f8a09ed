using Azure.Identity;
using Handoff.Scheduling.Handoffs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.SendMail;
using Microsoft.Kiota.Abstractions;

namespace Handoff.Graph.Mail;

/// <summary>"BriefMail:Sender": the mailbox app-only sendMail sends the RSMs' briefs from (needs application Mail.Send,
/// narrowed to that mailbox with an application access policy or RBAC for Applications).</summary>
public sealed class BriefMailOptions
{
    public const string Section = "BriefMail";

    public string? Sender { get; set; }
}

/// <summary>The mail client; its own type so it is never confused with the calendar reader's.</summary>
internal sealed record GraphMailClient(GraphServiceClient Client);

/// <summary>
/// Sends a brief with <c>POST /users/{sender}/sendMail</c> (app-only) through the SDK's own pipeline, whose
/// RetryHandler retries 429/503/504 honouring Retry-After; what is still failing after that is reported as transient
/// (the outbox backs off and tries again), anything else (400, 403, 404: a bad sender or recipient) as permanent.
/// The delegated route — <c>/me/sendMail</c> as the SDR through on-behalf-of — plugs in as another
/// <see cref="IBriefMailer"/> once the API can acquire a delegated Graph token for the SDR outside their request.
/// </summary>
internal sealed class GraphBriefMailer(GraphMailClient graph, IOptions<BriefMailOptions> options) : IBriefMailer
{
    /// <summary>Lets a receiving system recognise a repeat of one delivery (the send itself cannot be made idempotent).</summary>
    public const string DeliveryHeader = "X-Handoff-Delivery";

    private readonly string _sender = options.Value.Sender!.Trim();

    public string Describe => $"Graph sendMail (app-only) as {_sender}";

    public async Task<MailOutcome> SendAsync(BriefMail mail, CancellationToken cancellationToken)
    {
        var body = new SendMailPostRequestBody
        {
            Message = new Message
            {
                Subject = mail.Subject,
                Body = new ItemBody { ContentType = BodyType.Html, Content = mail.Html },
                ToRecipients = mail.To.Select(Recipient).ToList(),
                ReplyTo = mail.SdrEmail is { } sdr ? [Recipient(sdr)] : null,
                InternetMessageHeaders = [new InternetMessageHeader { Name = DeliveryHeader, Value = mail.DeliveryId.ToString() }],
            },
            SaveToSentItems = false,
        };
        try
        {
            await graph.Client.Users[_sender].SendMail.PostAsync(body, cancellationToken: cancellationToken);
            return MailOutcome.Sent;
        }
        catch (ODataError e)
        {
            return ByStatus(e.ResponseStatusCode, $"{e.Error?.Code}: {e.Error?.Message}");
        }
        catch (ApiException e)
        {
            return ByStatus(e.ResponseStatusCode, e.Message);
        }
        catch (AggregateException e) when (e.InnerExceptions.OfType<ApiException>().LastOrDefault() is { } last)
        {
            return ByStatus(last.ResponseStatusCode, $"still failing after the SDK's retries: {last.Message}");
        }
        catch (Exception e) when (e is HttpRequestException or AuthenticationFailedException or CredentialUnavailableException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return MailOutcome.Transient($"Microsoft Graph could not be reached: {e.Message}");
        }
    }

    private static MailOutcome ByStatus(int status, string detail) => status is 408 or 429 or >= 500
        ? MailOutcome.Transient($"Microsoft Graph answered HTTP {status} ({detail})")
        : MailOutcome.Permanent($"Microsoft Graph refused the mail with HTTP {status} ({detail})");

    private static Recipient Recipient(string email) => new() { EmailAddress = new EmailAddress { Address = email } };
}

public static class GraphMailServiceCollectionExtensions
{
    /// <summary>True when app-only brief mail is configured: a Graph section and BriefMail:Sender.</summary>
    public static bool HasBriefMailSender(this IConfiguration configuration) =>
        configuration.HasGraphSection() && !string.IsNullOrWhiteSpace(configuration[$"{BriefMailOptions.Section}:Sender"]);

    /// <summary>Registers the app-only Graph mailer. A <see cref="GraphTransport"/> in DI swaps the SDK's final handler (tests).</summary>
    public static IServiceCollection AddGraphBriefMailer(this IServiceCollection services)
    {
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>());
        services.AddOptions<BriefMailOptions>().BindConfiguration(BriefMailOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Sender) && o.Sender.Contains('@'), "BriefMail:Sender must be the e-mail of the mailbox briefs are sent from.")
            .ValidateOnStart();
        services.TryAddSingleton(sp => new GraphMailClient(GraphClients.Create(sp.GetRequiredService<IOptions<GraphOptions>>().Value, sp.GetService<GraphTransport>())));
        services.RemoveAll<IBriefMailer>();
        services.AddSingleton<IBriefMailer, GraphBriefMailer>();
        return services;
    }
}
