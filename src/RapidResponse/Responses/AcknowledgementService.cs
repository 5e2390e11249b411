using Microsoft.Extensions.Logging;
using RapidResponse.Alerts;
using RapidResponse.Contacts;
using RapidResponse.Dispatch;
using RapidResponse.Organizers;

namespace RapidResponse.Responses;

/// <summary>
/// Records that a recipient is responding: once per delivery, on the timeline, with a confirmation SMS carrying the
/// full details to a responder who replied by SMS, and an SMS to the organizer saying who is coming (never for a
/// silent alert, nor once the organizer's side has closed: after a duress signal someone else may hold that phone,
/// and a good resolve must look the same).
/// </summary>
public sealed partial class AcknowledgementService(
    AlertStore alerts,
    ResponseStore responses,
    OrganizerStore organizers,
    DeliveryPlanner planner,
    TimeProvider time,
    ILogger<AcknowledgementService> logger)
{
    /// <summary>True when this acknowledgement is new; false when the delivery had acknowledged already.</summary>
    public async Task<bool> AcknowledgeAsync(Alert alert, Delivery delivery, Channel via, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var acknowledgement = new Acknowledgement(delivery.Id, delivery.ContactId, delivery.RecipientName, delivery.Role, via, now);
        if (!await responses.TryAddAcknowledgementAsync(alert.Id, acknowledgement, cancellationToken))
        {
            return false;
        }

        await alerts.AppendTimelineAsync(
            alert.Id,
            new TimelineEntry(now, "acknowledged", $"{acknowledgement.FirstName} ({delivery.Role.ToWire()}) is responding"),
            cancellationToken);

        var sends = new List<Delivery>();
        // By SMS or by a key press on a call: the confirmation SMS carries the details to read on the way.
        if (via == Channel.Sms || (via == Channel.Call && delivery.Channel == Channel.Sms))
        {
            sends.Add(DeliveryKinds.Later(delivery, DeliveryKinds.ConfirmationId(delivery), DeliveryKind.Confirmation, null, now));
        }

        if (!alert.Silent && alert.ClosedAt is null
            && await organizers.GetAsync(alert.OrganizerId, cancellationToken) is { Phone: { } phone } organizer)
        {
            var notice = DeliveryKinds.Later(delivery, DeliveryKinds.NoticeId(delivery), DeliveryKind.Notice, delivery.Id, now) with
            {
                ContactId = organizer.Id,
                RecipientName = organizer.Name,
                Role = ContactRole.Ally,
                Channel = Channel.Sms,
                Address = phone,
                Language = organizer.Language,
            };
            sends.Add(notice);
        }

        await planner.AddAndQueueAsync(sends, new Dictionary<string, Delivery>(), cancellationToken);
        LogAcknowledged(alert.Id, delivery.Role.ToWire(), via);
        return true;
    }

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "Alert {AlertId} acknowledged by a {Role} via {Via}")]
    private partial void LogAcknowledged(string alertId, string role, Channel via);
}
