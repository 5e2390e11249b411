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
/// Acts on an SMS to the service number: a YES acknowledges the most recent open alert sent to that number; STOP,
/// START and HELP behave as carriers require; the panic keyword from a registered organizer's phone (with their
/// codeword, when they set one) raises an alert exactly as the button does. Anything else, and anything from an
/// unknown number, changes nothing and gets no reply, so the answer tells a prober nothing.
/// Returns the reply to send back, or null for none.
/// </summary>
public sealed partial class InboundSmsService(
    PhoneIndex phones,
    AlertStore alerts,
    OrganizerStore organizers,
    AcknowledgementService acknowledgements,
    AlertIntake intake,
    EventStore events,
    IOptions<RapidResponseOptions> options,
    TimeProvider time,
    ILogger<InboundSmsService> logger)
{
    public const string HelpText = "RapidResponse alerts for human-rights defenders. Reply YES to an alert to respond. Reply STOP to stop these messages. Contact your coordinator for help.";
    public const string StopText = "RapidResponse: you will get no more SMS from this service. Reply START to receive alerts again.";
    public const string StartText = "RapidResponse: you will receive alerts again.";
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
                return HelpText;
            case InboundIntent.Stop:
                await phones.OptOutAsync(phone, time.GetUtcNow(), cancellationToken);
                LogOptedOut(Pii.MaskPhone(phone));
                return StopText;
            case InboundIntent.Start:
                await phones.OptInAsync(phone, cancellationToken);
                return StartText;
            case InboundIntent.Acknowledge:
                await AcknowledgeAsync(phone, cancellationToken);
                return null;
            case InboundIntent.Panic:
                return await PanicAsync(phone, command.Rest, messageSid, cancellationToken);
            default:
                return null;
        }
    }

    private async Task AcknowledgeAsync(string phone, CancellationToken cancellationToken)
    {
        foreach (var sent in await phones.RecentAsync(phone, cancellationToken))
        {
            if (await alerts.GetAsync(sent.AlertId, cancellationToken) is { Status: AlertStatus.Open } alert
                && await alerts.GetDeliveryAsync(sent.AlertId, sent.DeliveryId, cancellationToken) is { } delivery)
            {
                await acknowledgements.AcknowledgeAsync(alert, delivery, Channel.Sms, cancellationToken);
                return;
            }
        }

        LogNothingToAcknowledge(Pii.MaskPhone(phone));
    }

    private async Task<string?> PanicAsync(string phone, string rest, string? messageSid, CancellationToken cancellationToken)
    {
        foreach (var organizerId in await phones.OrganizersAsync(phone, cancellationToken))
        {
            var organizer = await organizers.GetAsync(organizerId, cancellationToken);
            if (organizer is null || organizer.Revoked || organizer.Phone != phone || Message(organizer, rest) is not { } message)
            {
                continue;
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
                return $"RapidResponse: alert raised, ref {accepted.AlertId[^6..].ToUpperInvariant()}. Help is being contacted.";
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

        var parts = rest.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length > 0 && CodeHasher.Matches(parts[0], salt, codeword) ? (parts.Length > 1 ? parts[1] : "") : null;
    }

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "{Phone} opted out of SMS")]
    private partial void LogOptedOut(string phone);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "YES from {Phone} matched no open alert")]
    private partial void LogNothingToAcknowledge(string phone);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Warning, Message = "SMS panic from a registered organizer was refused with {Status}")]
    private partial void LogPanicRefused(int status);
}
