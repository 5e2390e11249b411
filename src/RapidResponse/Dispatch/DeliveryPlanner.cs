using RapidResponse.Alerts;
using RapidResponse.Contacts;
using RapidResponse.Responses;
using RapidResponse.Storage;

namespace RapidResponse.Dispatch;

/// <summary>
/// Adds Delivery rows made after the fan-out (escalations, reminders, confirmations, follow-ups, notices) and puts
/// them on the <c>deliveries</c> queue, where the same claimed, retried sends as the alert's own carry them.
/// Every alert SMS is entered in the phone index, so a reply can find its alert.
/// </summary>
public sealed class DeliveryPlanner(AlertStore alerts, PhoneIndex phones, DeliveryQueue queue, PendingWork pending)
{
    /// <summary>
    /// Adds the candidates not in <paramref name="existing"/> and queues each still to send. A candidate already
    /// added but not yet sent (a crash between add and queue) is queued again; the send itself happens once.
    /// Returns the deliveries added now.
    /// </summary>
    public async Task<IReadOnlyList<Delivery>> AddAndQueueAsync(
        IEnumerable<Delivery> candidates, IReadOnlyDictionary<string, Delivery> existing, CancellationToken cancellationToken)
    {
        var results = await Task.WhenAll(candidates.DistinctBy(d => d.Id).Select(async candidate =>
        {
            if (existing.TryGetValue(candidate.Id, out var known))
            {
                return (Delivery: known, Added: false);
            }

            return (Delivery: candidate, Added: await alerts.TryAddDeliveryAsync(candidate, cancellationToken));
        }));

        var added = results.Where(r => r.Added).Select(r => r.Delivery).ToList();
        var toSend = results.Where(r => r.Added || !r.Delivery.State.IsHandedOver()).ToList();
        if (toSend.Count > 0)
        {
            // After the rows, before the messages: the watchdog re-issues them if the messages are lost with a worker.
            await Task.WhenAll(toSend.Select(r => r.Delivery.AlertId).Distinct(StringComparer.Ordinal).Select(id => pending.PlannedAsync(id, cancellationToken)));
        }

        await Task.WhenAll(toSend
            .Select(r => queue.EnqueueAsync(new DeliveryMessage(r.Delivery.AlertId, r.Delivery.Id), cancellationToken)));
        return added;
    }

    /// <summary>Every number that opted out, in one read: to start alongside the reads of the recipients.</summary>
    public Task<OptOuts> OptOutsAsync(CancellationToken cancellationToken) => phones.OptOutsAsync(cancellationToken);

    /// <summary>
    /// Honours STOP, sent by SMS or on WhatsApp: a number that opted out gets neither SMS nor WhatsApp; the contact is
    /// emailed instead when it has an address.
    /// </summary>
    public static IReadOnlyList<(Contact Contact, Channel Channel)> Without(IReadOnlyList<(Contact Contact, Channel Channel)> recipients, OptOuts optOuts) =>
        recipients
            .Select(r => ToPhone(r.Channel) && r.Contact.Phone is { } phone && optOuts.Contains(phone)
                ? (r.Contact, Channel: string.IsNullOrEmpty(r.Contact.Email) ? (Channel?)null : Channel.Email)
                : (r.Contact, Channel: (Channel?)r.Channel))
            .Where(c => c.Channel is not null)
            .Select(c => (c.Contact, c.Channel!.Value))
            .ToList();

    /// <summary>Whether a message on the delivery's channel would reach a number that sent STOP.</summary>
    public static bool OptedOut(Delivery delivery, OptOuts optOuts) => ToPhone(delivery.Channel) && optOuts.Contains(delivery.Address);

    /// <summary>The channels a STOP from the number ends: both reach the phone through Twilio, and a STOP on either is one number's.</summary>
    private static bool ToPhone(Channel channel) => channel is Channel.Sms or Channel.WhatsApp;

    /// <summary>A new alert delivery to a contact, as the fan-out makes them.</summary>
    public static Delivery NewAlertDelivery(string alertId, Contact contact, Channel channel, DateTimeOffset now) => new(
        alertId,
        Delivery.IdFor(contact.Region, contact.Id, channel),
        contact.Id,
        contact.Region,
        contact.Name,
        contact.Role,
        channel,
        RecipientSelector.AddressFor(contact, channel)!,
        contact.Language,
        DeliveryState.Pending,
        Attempts: 0,
        ProviderId: null,
        Error: null,
        now,
        SendingSince: null,
        [new DeliveryStep(DeliveryState.Pending, now)]);
}
