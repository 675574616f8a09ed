using Azure.Identity;
using Handoff.Scheduling.Handoffs;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.SendMail;
using Microsoft.Kiota.Abstractions;

namespace Handoff.Graph.Mail;

/// <summary>The mail client; its own type so it is never confused with the calendar reader's.</summary>
internal sealed record GraphMailClient(GraphServiceClient Client, BriefMailSendAs Route);

/// <summary>
/// Sends a brief through the SDK's own pipeline, whose RetryHandler retries 429/503/504 honouring Retry-After: as the SDR
/// (<c>POST /me/sendMail</c>, delegated Mail.Send from the SDR's long-running on-behalf-of session) or from a mailbox
/// (<c>POST /users/{sender}/sendMail</c>, app-only). What still fails after the SDK's retries is transient (the outbox
/// backs off and tries again); anything else (400, 403, 404: a bad sender or recipient; a session only the SDR or an
/// admin can restore) is permanent and shown on the handoff.
/// </summary>
internal sealed class GraphBriefMailer(GraphMailClient graph, IOptions<BriefMailOptions> options) : IBriefMailer
{
    /// <summary>Lets a receiving system recognise a repeat of one delivery (the send itself cannot be made idempotent).</summary>
    public const string DeliveryHeader = "X-Handoff-Delivery";

    private readonly string? _sender = options.Value.Sender?.Trim();

    public string Describe => graph.Route == BriefMailSendAs.Sdr
        ? "Graph sendMail as the SDR (delegated Mail.Send, on-behalf-of)"
        : $"Graph sendMail (app-only) as {_sender}";

    public async Task<MailOutcome> SendAsync(BriefMail mail, CancellationToken cancellationToken)
    {
        var asSdr = graph.Route == BriefMailSendAs.Sdr;
        if (asSdr && string.IsNullOrWhiteSpace(mail.SdrEmail))
        {
            return MailOutcome.Permanent("The handoff names no SDR e-mail to send the brief as.");
        }
        var message = new Message
        {
            Subject = mail.Subject,
            Body = new ItemBody { ContentType = BodyType.Html, Content = mail.Html },
            ToRecipients = mail.To.Select(Recipient).ToList(),
            // From the SDR, replies reach them anyway; from a shared mailbox they are sent on to the SDR.
            ReplyTo = !asSdr && mail.SdrEmail is { } sdr ? [Recipient(sdr)] : null,
            InternetMessageHeaders = [new InternetMessageHeader { Name = DeliveryHeader, Value = mail.DeliveryId.ToString() }],
        };
        try
        {
            if (asSdr)
            {
                var session = new SdrMailSession(BriefMailSessions.KeyFor(mail.SdrEmail!));
                var body = new Microsoft.Graph.Me.SendMail.SendMailPostRequestBody { Message = message, SaveToSentItems = false };
                await graph.Client.Me.SendMail.PostAsync(body, c => c.Options.Add(session), cancellationToken);
            }
            else
            {
                var body = new SendMailPostRequestBody { Message = message, SaveToSentItems = false };
                await graph.Client.Users[_sender].SendMail.PostAsync(body, cancellationToken: cancellationToken);
            }
            return MailOutcome.Sent;
        }
        catch (DelegatedAccessException e)
        {
            // Only the SDR (sign in and record again) or an admin (consent) can fix these; Entra being unreachable can pass.
            var text = $"Could not send as {mail.SdrEmail}: {e.Reason} ({e.Message})";
            return e.Problem == DelegatedAccessProblem.Unavailable ? MailOutcome.Transient(text) : MailOutcome.Permanent(text);
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
