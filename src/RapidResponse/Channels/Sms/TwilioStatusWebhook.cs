using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RapidResponse.Dispatch;
using RapidResponse.Http;
using RapidResponse.Security;

namespace RapidResponse.Channels.Sms;

/// <summary>
/// Twilio's message status callback (<c>POST /api/webhooks/twilio/status</c>). The signature is checked against the
/// URL Twilio was given (the public base URL, not the URL this instance sees behind proxies), then the status is
/// applied to the delivery. Null means "answer 204"; a problem means nothing was changed.
/// </summary>
public sealed partial class TwilioStatusWebhook(
    IOptions<TwilioOptions> twilio,
    IOptions<RapidResponseOptions> service,
    DeliveryFeedback feedback,
    ILogger<TwilioStatusWebhook> logger,
    WebhookReceipts? receipts = null)
{
    /// <summary>A status callback is a few hundred bytes; anything near this is not from Twilio.</summary>
    public const int MaxBodyBytes = 32 * 1024;

    public async Task<Problem?> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var signature = request.Headers[TwilioSignature.Header].ToString();
        if (string.IsNullOrEmpty(signature))
        {
            return FeedbackProblems.Unsigned(TwilioSignature.Header);
        }

        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Problem.TooLarge(MaxBodyBytes);
        }

        var form = ReadForm(request, body);
        if (form is null)
        {
            return Problem.Malformed("The body is not a valid form.");
        }

        var parameters = form.SelectMany(field => field.Value.Select(value => KeyValuePair.Create(field.Key, value ?? "")));
        if (!TwilioSignature.IsValid(twilio.Value.AuthToken, TwilioSignature.SignedUrls(request, service.Value.PublicBaseUrl), parameters, signature))
        {
            LogForged();
            return FeedbackProblems.Forged();
        }

        var callback = TwilioStatusCallback.From(request.Query["ref"].ToString(), new FormCollection(form));
        if (callback.ToReport() is not { } report)
        {
            LogIgnored(callback.MessageStatus);
            return null;
        }

        // Twilio reports each status of a message once: the same MessageSid and status again is a replay.
        var messageSid = callback.MessageSid;
        var kind = WebhookReceipts.Status(callback.MessageStatus ?? "");
        if (receipts is not null && !await receipts.TryRecordAsync(messageSid, kind, cancellationToken))
        {
            LogReplayed();
            return null;
        }

        FeedbackOutcome outcome;
        try
        {
            outcome = await feedback.ApplyAsync(report, cancellationToken);
        }
        catch when (receipts is not null)
        {
            await receipts.ForgetAsync(messageSid, kind, CancellationToken.None);
            throw;
        }

        if (outcome == FeedbackOutcome.Contended && receipts is not null)
        {
            // Asked to retry: the retry must be acted on.
            await receipts.ForgetAsync(messageSid, kind, CancellationToken.None);
        }

        return outcome == FeedbackOutcome.Contended ? FeedbackProblems.Busy() : null;
    }

    private static Dictionary<string, Microsoft.Extensions.Primitives.StringValues>? ReadForm(HttpRequest request, byte[] body)
    {
        // Twilio posts a form; any other body has no parameters, and the signature then covers the URL alone.
        if (!request.HasFormContentType || body.Length == 0)
        {
            return [];
        }

        try
        {
            using var reader = new FormReader(System.Text.Encoding.UTF8.GetString(body));
            return reader.ReadForm();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = 3112, Level = LogLevel.Warning, Message = "Ignored a replayed Twilio status callback (its MessageSid and status were seen before)")]
    private partial void LogReplayed();

    [LoggerMessage(EventId = 3110, Level = LogLevel.Warning, Message = "Rejected a Twilio status callback with a wrong signature")]
    private partial void LogForged();

    [LoggerMessage(EventId = 3111, Level = LogLevel.Debug, Message = "Twilio status callback with status {Status} or without a usable reference; nothing to record")]
    private partial void LogIgnored(string? status);
}
