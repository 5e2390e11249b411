using System.Net;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace RapidResponse.Channels.Email;

/// <summary>Sends email through SendGrid's SDK over a typed <see cref="HttpClient"/> with the send resilience pipeline.</summary>
public sealed class SendGridEmailSender(HttpClient http, IOptions<SendGridOptions> options) : IEmailSender
{
    public const string Provider = "sendgrid";
    public const string ReferenceArg = "rr_ref";

    public async Task<SendOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var mail = NewMessage(message.Content);
        mail.AddTo(new EmailAddress(message.To, message.ToName));
        mail.AddCustomArg(ReferenceArg, message.Reference);
        return await SendAsync(mail, cancellationToken);
    }

    /// <summary>One request, one personalization per recipient: nobody sees the others' addresses.</summary>
    public async Task<SendOutcome> SendBatchAsync(EmailBatch batch, CancellationToken cancellationToken)
    {
        if (batch.Recipients.Count is 0 or > EmailBatch.MaxRecipients)
        {
            throw new ArgumentOutOfRangeException(nameof(batch), $"A batch has 1 to {EmailBatch.MaxRecipients} recipients.");
        }

        // HTML gets its own placeholder, so a name is HTML-encoded there and plain in the text part.
        var content = batch.Content with
        {
            Html = batch.Content.Html.Replace(EmailBatch.NamePlaceholder, HtmlNamePlaceholder, StringComparison.Ordinal),
        };
        var mail = NewMessage(content);
        for (var i = 0; i < batch.Recipients.Count; i++)
        {
            var recipient = batch.Recipients[i];
            mail.AddTo(new EmailAddress(recipient.To, recipient.Name), i);
            mail.AddSubstitution(EmailBatch.NamePlaceholder, recipient.Name, i);
            mail.AddSubstitution(HtmlNamePlaceholder, WebUtility.HtmlEncode(recipient.Name), i);
            if (recipient.Link is { } link)
            {
                mail.AddSubstitution(EmailBatch.LinkPlaceholder, link.AbsoluteUri, i);
            }

            mail.AddCustomArg(ReferenceArg, recipient.Reference, i);
        }

        return await SendAsync(mail, cancellationToken);
    }

    private const string HtmlNamePlaceholder = "-recipientNameHtml-";

    private SendGridMessage NewMessage(Statements.EmailText content)
    {
        var settings = options.Value;
        var mail = new SendGridMessage
        {
            From = new EmailAddress(settings.FromEmail, settings.FromName),
            Subject = content.Subject,
            PlainTextContent = content.Text,
            HtmlContent = content.Html,
        };
        foreach (var attachment in content.Attachments)
        {
            mail.AddAttachment(attachment.FileName, Convert.ToBase64String(attachment.Content), attachment.ContentType);
        }

        return mail;
    }

    private async Task<SendOutcome> SendAsync(SendGridMessage mail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var client = new SendGridClient(http, new SendGridClientOptions { ApiKey = settings.ApiKey, Host = settings.BaseUrl.AbsoluteUri.TrimEnd('/') });
        Response response;
        try
        {
            response = await client.SendEmailAsync(mail, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or Polly.ExecutionRejectedException or TaskCanceledException
                                           && !cancellationToken.IsCancellationRequested)
        {
            throw new ProviderUnavailableException(
                Provider, SendResilience.MayHaveReachedProvider(exception), "SendGrid could not be reached", exception);
        }

        if (response.IsSuccessStatusCode)
        {
            return new SendOutcome.Accepted(response.Headers.TryGetValues("X-Message-Id", out var ids) ? ids.FirstOrDefault() : null);
        }

        if (response.StatusCode is HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError)
        {
            throw new ProviderUnavailableException(
                Provider, response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable),
                $"SendGrid answered {(int)response.StatusCode}");
        }

        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            // A revoked key, a suspended account, an unverified sender: every email fails alike until it is fixed.
            throw new ProviderUnavailableException(
                Provider, mayHaveReachedProvider: false, $"SendGrid refused the account ({(int)response.StatusCode})", accountRefused: true);
        }

        return new SendOutcome.Rejected(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), "SendGrid refused the message");
    }
}
