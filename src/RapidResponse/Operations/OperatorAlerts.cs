using Microsoft.Extensions.Options;
using RapidResponse.Channels;
using RapidResponse.Channels.Email;
using RapidResponse.Channels.Sms;
using RapidResponse.Statements;

namespace RapidResponse.Operations;

/// <summary>Tells the operator (<c>RapidResponse__OperatorPhone</c> / <c>__OperatorEmail</c>) that something needs a person.</summary>
public sealed class OperatorAlerts(ISmsSender sms, IEmailSender email, IOptions<RapidResponseOptions> options)
{
    public bool IsConfigured => options.Value.OperatorPhone is not null || options.Value.OperatorEmail is not null;

    /// <summary>
    /// Sends to every configured operator channel but the one through <paramref name="downProvider"/> (it is the
    /// outage being reported); true when at least one provider took it. A channel that fails does not stop the other.
    /// </summary>
    public async Task<bool> NotifyAsync(string subject, string text, string reference, CancellationToken cancellationToken, string? downProvider = null)
    {
        var settings = options.Value;
        var sent = false;
        ProviderUnavailableException? failure = null;
        if (settings.OperatorPhone is { } phone && downProvider != TwilioSmsSender.Provider)
        {
            try
            {
                sent |= await sms.SendAsync(new SmsMessage(phone, $"RapidResponse operator: {subject}. {text}", reference), cancellationToken) is SendOutcome.Accepted;
            }
            catch (ProviderUnavailableException exception)
            {
                failure = exception;
            }
        }

        if (settings.OperatorEmail is { } address && downProvider != SendGridEmailSender.Provider)
        {
            var content = new EmailText($"RapidResponse operator: {subject}", text, System.Net.WebUtility.HtmlEncode(text), []);
            sent |= await email.SendAsync(new EmailMessage(address, "RapidResponse operator", content, reference), cancellationToken) is SendOutcome.Accepted;
        }

        return sent || failure is null ? sent : throw failure;
    }
}
