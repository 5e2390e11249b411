using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RapidResponse.Alerts;
using RapidResponse.Contacts;
using RapidResponse.Dispatch;
using RapidResponse.Events;
using RapidResponse.Organizers;
using RapidResponse.Security;

namespace RapidResponse.Responses;

/// <summary>
/// Acts on an SMS to the service number: a YES ("Yes, on my way", "да, еду") acknowledges the open alert its
/// reference names, else the most recent open alert sent to that number; a NO says that responder cannot go; STOP,
/// START and HELP behave as carriers require; the panic keyword from a registered organizer's phone (with their
/// codeword, when they set one) raises an alert exactly as the button does. Anything else from a number alerts were
/// sent to gets a one-line help answer in its language, never silence; from an unknown number it gets no reply, so
/// the answer tells a prober nothing.
/// Returns the reply to send back, or null for none.
/// </summary>
public sealed partial class InboundSmsService(
    PhoneIndex phones,
    AlertStore alerts,
    OrganizerStore organizers,
    AcknowledgementService acknowledgements,
    DeclineService declines,
    AlertIntake intake,
    EventStore events,
    IOptions<RapidResponseOptions> options,
    TimeProvider time,
    ILogger<InboundSmsService> logger)
{
    public static readonly string HelpText = ReplyTexts.English.Help;
    public static readonly string StopText = ReplyTexts.English.Stop;
    public static readonly string StartText = ReplyTexts.English.Start;
    public static readonly string NoOpenAlertText = ReplyTexts.English.NoOpenAlert;
    public static readonly string DeclinedText = ReplyTexts.English.Declined;

    /// <summary>What anything else gets, in the writer's language when an alert was sent to them: never silence.</summary>
    public static string UnclearText(string language) => ReplyTexts.For(language).Unclear;

    public const int MaxMessageLength = 500;

    public async Task<string?> HandleAsync(string? from, string? body, string? messageSid, CancellationToken cancellationToken)
    {
        var phone = Phones.Normalize(from);
        if (phone is null)
        {
            return null;
        }

        var command = InboundCommand.Parse(body, options.Value.SmsPanicKeyword);
        switch (command.Intent)
        {
            case InboundIntent.Help:
                return (await RepliesAsync(phone, cancellationToken)).Help;
            case InboundIntent.Stop:
                await phones.OptOutAsync(phone, time.GetUtcNow(), cancellationToken);
                LogOptedOut(Pii.MaskPhone(phone));
                return (await RepliesAsync(phone, cancellationToken)).Stop;
            case InboundIntent.Start:
                await phones.OptInAsync(phone, cancellationToken);
                return (await RepliesAsync(phone, cancellationToken)).Start;
            case InboundIntent.Acknowledge when await OpenAlertAsync(phone, command.Reference, cancellationToken) is var (alert, delivery):
                // The confirmation SMS with the full details is the answer.
                await acknowledgements.AcknowledgeAsync(alert, delivery, Channel.Sms, cancellationToken);
                return null;
            case InboundIntent.Decline when await OpenAlertAsync(phone, command.Reference, cancellationToken) is var (alert, delivery):
                return await declines.DeclineAsync(alert, delivery, cancellationToken) ? ReplyTexts.For(delivery.Language).Declined : null;
            case InboundIntent.Acknowledge or InboundIntent.Decline:
                LogNothingToAcknowledge(Pii.MaskPhone(phone));
                return await LanguageAsync(phone, cancellationToken) is { } known ? ReplyTexts.For(known).NoOpenAlert : null;
            case InboundIntent.Panic:
                return await PanicAsync(phone, command.Rest, messageSid, cancellationToken);
            default:
                return await LanguageAsync(phone, cancellationToken) is { } language ? UnclearText(language) : null;
        }
    }

    /// <summary>The open alert a YES or NO answers: the one its reference names, else the one most recently sent.</summary>
    private async Task<(Alert Alert, Delivery Delivery)?> OpenAlertAsync(string phone, string? reference, CancellationToken cancellationToken)
    {
        foreach (var sent in await phones.RecentAsync(phone, cancellationToken))
        {
            if ((reference is null || sent.AlertId.EndsWith(reference, StringComparison.OrdinalIgnoreCase))
                && await alerts.GetAsync(sent.AlertId, cancellationToken) is { Status: AlertStatus.Open } alert
                && await alerts.GetDeliveryAsync(sent.AlertId, sent.DeliveryId, cancellationToken) is { } delivery)
            {
                return (alert, delivery);
            }
        }

        return null;
    }

    /// <summary>The replies in the language of the last alert sent to the number; English for a number never sent one.</summary>
    private async Task<ReplyTexts> RepliesAsync(string phone, CancellationToken cancellationToken) =>
        ReplyTexts.For(await LanguageAsync(phone, cancellationToken));

    /// <summary>The language of the last alert sent to the number; null when none was (an unknown number).</summary>
    private async Task<string?> LanguageAsync(string phone, CancellationToken cancellationToken) =>
        (await phones.RecentAsync(phone, cancellationToken)).FirstOrDefault() is { } sent
            ? (await alerts.GetDeliveryAsync(sent.AlertId, sent.DeliveryId, cancellationToken))?.Language ?? "en"
            : null;

    private async Task<string?> PanicAsync(string phone, string rest, string? messageSid, CancellationToken cancellationToken)
    {
        foreach (var organizerId in await phones.OrganizersAsync(phone, cancellationToken))
        {
            var organizer = await organizers.GetAsync(organizerId, cancellationToken);
            if (organizer is null || organizer.Revoked || organizer.Phone != phone || Message(organizer, rest) is not { } message)
            {
                continue;
            }

            if (organizer.Codes.SmsCodeword is not null)
            {
                await organizers.RehashIfOldAsync(organizer, OrganizerCode.SmsCodeword, Codeword(rest), cancellationToken);
            }

            // During a registered event the SMS carries the event's place, people and region, as the page's press does.
            var now = time.GetUtcNow();
            var current = (await events.ListAsync(organizer.Id, now, cancellationToken)).FirstOrDefault(e => e.IsCurrent(now));
            var request = new PanicRequest(
                current is not null || organizer.Regions.Count == 1 ? null : organizer.Regions[0], "other", null,
                message.Length == 0 ? "Raised by SMS" : message[..Math.Min(message.Length, MaxMessageLength)],
                null, null, current?.Id, null, null);
            var key = string.IsNullOrEmpty(messageSid) ? null : "sms-" + messageSid;
            var raised = await intake.RaiseAsync(organizer, request, key, cancellationToken);
            if (raised.Value is { } accepted)
            {
                return ReplyTexts.For(organizer.Language).Raised(accepted.AlertId[^6..].ToUpperInvariant());
            }

            LogPanicRefused(raised.Problem!.Status);
            return null;
        }

        return null;
    }

    /// <summary>The words after the keyword (and after the codeword, which must come first when the organizer set one); null when the codeword is missing or wrong.</summary>
    private static string? Message(Organizer organizer, string rest)
    {
        if (organizer.Codes is not { SmsCodeword: { } codeword, Salt: { } salt })
        {
            return rest;
        }

        var parts = Words(rest);
        return parts.Length > 0 && CodeHasher.Matches(parts[0], salt, codeword) ? (parts.Length > 1 ? parts[1] : "") : null;
    }

    /// <summary>The first word, where the codeword is.</summary>
    private static string Codeword(string rest) => Words(rest)[0];

    private static string[] Words(string rest) =>
        rest.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "{Phone} opted out of SMS and WhatsApp")]
    private partial void LogOptedOut(string phone);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "YES from {Phone} matched no open alert")]
    private partial void LogNothingToAcknowledge(string phone);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Warning, Message = "SMS panic from a registered organizer was refused with {Status}")]
    private partial void LogPanicRefused(int status);
}
