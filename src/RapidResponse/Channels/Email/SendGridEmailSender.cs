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
        var settings = options.Value;
        var client = new SendGridClient(http, new SendGridClientOptions { ApiKey = settings.ApiKey, Host = settings.BaseUrl.AbsoluteUri.TrimEnd('/') });
        var mail = new SendGridMessage
        {
            From = new EmailAddress(settings.FromEmail, settings.FromName),
            Subject = message.Content.Subject,
            PlainTextContent = message.Content.Text,
            HtmlContent = message.Content.Html,
        };
        mail.AddTo(new EmailAddress(message.To, message.ToName));
        mail.AddCustomArg(ReferenceArg, message.Reference);
        foreach (var attachment in message.Content.Attachments)
        {
            mail.AddAttachment(attachment.FileName, Convert.ToBase64String(attachment.Content), attachment.ContentType);
        }

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

        return new SendOutcome.Rejected(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), "SendGrid refused the message");
    }
}
