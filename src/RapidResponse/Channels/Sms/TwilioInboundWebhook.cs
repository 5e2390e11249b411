using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RapidResponse.Http;
using RapidResponse.Responses;
using RapidResponse.Security;

namespace RapidResponse.Channels.Sms;

/// <summary>
/// Twilio's inbound-SMS webhook (<c>POST /api/webhooks/twilio/inbound</c>): verifies the signature, then lets
/// <see cref="InboundSmsService"/> act on the message. Answers TwiML: a reply, or an empty <c>&lt;Response/&gt;</c>
/// (the same for an unknown number as for a known one that needs no reply).
/// </summary>
public sealed partial class TwilioInboundWebhook(
    IOptions<TwilioOptions> twilio,
    IOptions<RapidResponseOptions> service,
    InboundSmsService inbound,
    ILogger<TwilioInboundWebhook> logger,
    WebhookReceipts? receipts = null)
{
    public const string ContentType = "application/xml";

    /// <summary>The TwiML to answer with, or the problem when the request is not Twilio's.</summary>
    public async Task<Result<string>> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var form = await TwilioSignedForm.ReadAsync(request, twilio.Value.AuthToken, service.Value.PublicBaseUrl, cancellationToken);
        if (form.Problem is { } problem)
        {
            LogRejected(problem.Status);
            return problem;
        }

        var fields = form.Value!;
        var messageSid = fields["MessageSid"].ToString();

        // Before any matching: a replayed message (the signature never expires) is answered as an unknown one.
        if (receipts is not null && !await receipts.TryRecordAsync(messageSid, WebhookReceipts.Inbound, cancellationToken))
        {
            LogReplayed();
            return TwiML(null);
        }

        string? reply;
        try
        {
            reply = await inbound.HandleAsync(From(fields), Body(fields), messageSid, cancellationToken);
        }
        catch when (receipts is not null)
        {
            // Not acted on: Twilio's retry must be.
            await receipts.ForgetAsync(messageSid, WebhookReceipts.Inbound, CancellationToken.None);
            throw;
        }

        return TwiML(reply);
    }

    /// <summary>The sender's number; a WhatsApp reply comes <c>From=whatsapp:+…</c> and counts as that number's.</summary>
    private static string From(IFormCollection fields)
    {
        var from = fields["From"].ToString();
        return from.StartsWith(WhatsAppPrefix, StringComparison.OrdinalIgnoreCase) ? from[WhatsAppPrefix.Length..] : from;
    }

    /// <summary>A WhatsApp quick-reply button posts its payload (the template's <c>YES</c>/<c>NO</c>) besides its label.</summary>
    private static string Body(IFormCollection fields) =>
        fields["ButtonPayload"].ToString() is { Length: > 0 } payload ? payload : fields["Body"].ToString();

    private const string WhatsAppPrefix = "whatsapp:";

    public static string TwiML(string? reply) =>
        reply is null
            ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>"
            : $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>{WebUtility.HtmlEncode(reply)}</Message></Response>";

    [LoggerMessage(EventId = 3125, Level = LogLevel.Warning, Message = "Ignored a replayed inbound Twilio webhook (its MessageSid was seen before)")]
    private partial void LogReplayed();

    [LoggerMessage(EventId = 3120, Level = LogLevel.Warning, Message = "Rejected an inbound Twilio webhook ({Status})")]
    private partial void LogRejected(int status);
}
