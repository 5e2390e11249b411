using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RapidResponse.Channels.Email;
using RapidResponse.Channels.Sms;
using RapidResponse.Channels.Voice;
using RapidResponse.Channels.WhatsApp;
using RapidResponse.Security;

namespace RapidResponse.Channels.Budget;

/// <summary>
/// The send budgets of this deployment, one shared bucket per sender: Twilio's SMS sender (its Messaging Service,
/// else its number) at <c>Twilio__MessagesPerSecond</c>, its WhatsApp sender at <c>Twilio__WhatsAppMessagesPerSecond</c>,
/// the account's calls at <c>Twilio__CallsPerSecond</c>, SendGrid's account at <c>SendGrid__RequestsPerSecond</c> when
/// set (one request carries up to 250 recipients, so it is uncapped by default).
/// </summary>
public sealed class SendBudget(IBucketStore store, IOptions<TwilioOptions> twilio, IOptions<SendGridOptions> sendGrid, TimeProvider time, ILogger<SendBudget> logger)
    : ISendBudget, IDisposable
{
    private readonly ConcurrentDictionary<string, SenderBudget?> senders = new(StringComparer.Ordinal);

    public ValueTask AcquireAsync(string provider, SendPriority priority, CancellationToken cancellationToken)
    {
        var budget = senders.GetOrAdd(provider, Create);
        return budget is null ? ValueTask.CompletedTask : new ValueTask(budget.AcquireAsync(priority, cancellationToken));
    }

    /// <summary>
    /// Makes the SMS sender's first round trip before any send needs it (<see cref="SenderBudget.WarmUpAsync"/>): the
    /// path is the same for every sender, and SMS are what a new instance sends first in a storm.
    /// </summary>
    public Task<bool> WarmUpAsync(CancellationToken cancellationToken) =>
        senders.GetOrAdd(TwilioSmsSender.Provider, Create)!.WarmUpAsync(cancellationToken);

    /// <summary>Storage round trips made for the budget so far, all senders (for the benchmark).</summary>
    public long RoundTrips => senders.Values.Sum(s => s?.RoundTrips ?? 0);

    /// <summary>The sender's partition key: what Twilio counts the rate against.</summary>
    public static string SenderKey(TwilioOptions options) =>
        "twilio|" + (string.IsNullOrWhiteSpace(options.MessagingServiceSid) ? options.FromNumber : options.MessagingServiceSid);

    private SenderBudget? Create(string provider) => provider switch
    {
        TwilioSmsSender.Provider => new SenderBudget(SenderKey(twilio.Value), twilio.Value.MessagesPerSecond, store, time, logger, Pii.MaskText),
        // CPS is counted per account, whichever number places the call.
        TwilioCallPlacer.Provider => new SenderBudget("twilio-voice|" + twilio.Value.AccountSid, twilio.Value.CallsPerSecond, store, time, logger, Pii.MaskText),
        TwilioWhatsAppSender.Provider when !string.IsNullOrWhiteSpace(twilio.Value.WhatsAppFrom) =>
            new SenderBudget("twilio-whatsapp|" + twilio.Value.WhatsAppFrom, twilio.Value.WhatsAppMessagesPerSecond, store, time, logger, Pii.MaskText),
        // No sender: nothing goes out (the send is refused, and falls back to SMS, which has its budget).
        TwilioWhatsAppSender.Provider => null,
        SendGridEmailSender.Provider when sendGrid.Value.RequestsPerSecond is { } rate =>
            new SenderBudget("sendgrid|" + sendGrid.Value.FromEmail, rate, store, time, logger, Pii.MaskText),
        SendGridEmailSender.Provider => null,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "No send budget for this provider."),
    };

    public void Dispose()
    {
        foreach (var budget in senders.Values)
        {
            budget?.Dispose();
        }
    }
}
