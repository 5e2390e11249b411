using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RapidResponse.Dispatch;
using RapidResponse.Http;
using RapidResponse.Security;

namespace RapidResponse.Channels.Email;

/// <summary>
/// SendGrid's signed event webhook (<c>POST /api/webhooks/sendgrid/events</c>). Only signed, fresh batches are read;
/// without a configured public key every call is refused, since unsigned events could mark any delivery as done.
/// Null means "answer 204"; a problem means nothing was changed.
/// </summary>
public sealed partial class SendGridEventWebhook(
    IOptions<SendGridOptions> options,
    DeliveryFeedback feedback,
    TimeProvider time,
    ILogger<SendGridEventWebhook> logger)
{
    /// <summary>SendGrid posts a batch once it reaches 768 KB (or every 30 s); room above that, not more.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private readonly byte[]? publicKey = SendGridSignature.ParsePublicKey(options.Value.WebhookPublicKey);
    private int warnedNoKey;

    public async Task<Problem?> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (publicKey is null)
        {
            if (Interlocked.Exchange(ref warnedNoKey, 1) == 0)
            {
                LogNoKey();
            }

            return FeedbackProblems.Forged();
        }

        var signature = request.Headers[SendGridSignature.SignatureHeader].ToString();
        var timestamp = request.Headers[SendGridSignature.TimestampHeader].ToString();
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(timestamp))
        {
            return FeedbackProblems.Unsigned(string.IsNullOrEmpty(signature) ? SendGridSignature.SignatureHeader : SendGridSignature.TimestampHeader);
        }

        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Problem.TooLarge(MaxBodyBytes);
        }

        var verdict = SendGridSignature.Verify(publicKey, timestamp, body, signature, time.GetUtcNow());
        if (verdict != SendGridVerdict.Valid)
        {
            LogRejected(verdict);
            return FeedbackProblems.Forged();
        }

        if (SendGridEvent.ParseAll(body) is not { } events)
        {
            return Problem.Malformed("The body must be a JSON array of events.");
        }

        // In order, one at a time: a batch may carry several events for one delivery.
        var contended = false;
        foreach (var report in events.Select(e => e.ToReport()).OfType<ProviderReport>())
        {
            contended |= await feedback.ApplyAsync(report, cancellationToken) == FeedbackOutcome.Contended;
        }

        // SendGrid retries the whole batch on an error; what was applied is not applied twice.
        return contended ? FeedbackProblems.Busy() : null;
    }

    [LoggerMessage(EventId = 3122, Level = LogLevel.Warning, Message = "SendGrid__WebhookPublicKey is missing or not a P-256 public key: every SendGrid event is refused until it is set")]
    private partial void LogNoKey();

    [LoggerMessage(EventId = 3121, Level = LogLevel.Warning, Message = "Rejected a SendGrid event batch: {Verdict}")]
    private partial void LogRejected(SendGridVerdict verdict);
}
