using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RapidResponse.Channels.Sms;
using RapidResponse.Http;
using RapidResponse.Recipients;
using RapidResponse.Security;

namespace RapidResponse.Channels.Voice;

/// <summary>
/// Twilio's webhooks for an escalation call, each signed like the SMS ones (<c>X-Twilio-Signature</c> over the
/// public URL with its <c>ref</c>): the TwiML fetched when the call connects, the key press posted by
/// <c>&lt;Gather&gt;</c>, and the call's status callbacks. <see cref="CallAnswers"/> acts on them. A replayed press or
/// status (same <c>CallSid</c>, same press or status; the signature never expires) is answered and changes nothing.
/// </summary>
public sealed partial class TwilioVoiceWebhook(
    IOptions<TwilioOptions> twilio,
    IOptions<RapidResponseOptions> service,
    CallAnswers answers,
    ILogger<TwilioVoiceWebhook> logger,
    WebhookReceipts? receipts = null)
{
    public async Task<Result<string>> TwimlAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var form = await ReadAsync(request, cancellationToken);
        return form.Problem is { } problem
            ? problem
            : await answers.TwimlAsync(Reference(request), Field(form.Value!, "AnsweredBy"), cancellationToken);
    }

    public async Task<Result<string>> GatherAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var form = await ReadAsync(request, cancellationToken);
        if (form.Problem is { } problem)
        {
            return problem;
        }

        var digits = Field(form.Value!, "Digits");
        return await OnceAsync(
            Field(form.Value!, "CallSid"), "gather|" + digits, VoiceTwiml.Final(null, null),
            () => answers.GatherAsync(Reference(request), digits, cancellationToken));
    }

    /// <summary>Null means "answer 204".</summary>
    public async Task<Problem?> StatusAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var form = await ReadAsync(request, cancellationToken);
        if (form.Problem is { } problem)
        {
            return problem;
        }

        var status = Field(form.Value!, "CallStatus");
        await OnceAsync(
            Field(form.Value!, "CallSid"), WebhookReceipts.Status(status ?? ""), "",
            async () =>
            {
                await answers.StatusAsync(Reference(request), status, Field(form.Value!, "AnsweredBy"), cancellationToken);
                return "";
            });
        return null;
    }

    private async Task<Result<IFormCollection>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var form = await TwilioSignedForm.ReadAsync(request, twilio.Value.AuthToken, service.Value.PublicBaseUrl, cancellationToken);
        if (form.Problem is { } problem)
        {
            LogRejected(problem.Status);
        }

        return form;
    }

    /// <summary>Acts once per call and kind; a failure forgets the receipt so Twilio's retry is acted on.</summary>
    private async Task<string> OnceAsync(string? callSid, string kind, string replayed, Func<Task<string>> act)
    {
        if (receipts is not null && !await receipts.TryRecordAsync(callSid, kind, CancellationToken.None))
        {
            LogReplayed();
            return replayed;
        }

        try
        {
            return await act();
        }
        catch when (receipts is not null)
        {
            await receipts.ForgetAsync(callSid, kind, CancellationToken.None);
            throw;
        }
    }

    private static string Reference(HttpRequest request) => request.Query["ref"].ToString();

    private static string? Field(IFormCollection form, string name) => form.TryGetValue(name, out var value) ? value.ToString() : null;

    [LoggerMessage(EventId = 3130, Level = LogLevel.Warning, Message = "Rejected a Twilio voice webhook ({Status})")]
    private partial void LogRejected(int status);

    [LoggerMessage(EventId = 3131, Level = LogLevel.Warning, Message = "Ignored a replayed Twilio voice webhook (its CallSid and kind were seen before)")]
    private partial void LogReplayed();
}
