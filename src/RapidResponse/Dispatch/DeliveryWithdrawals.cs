using RapidResponse.Alerts;
using RapidResponse.Contacts;
using RapidResponse.Responses;

namespace RapidResponse.Dispatch;

/// <summary>
/// Whether a reminder or an escalation call is still wanted when its turn comes. An escalation step makes them for
/// whoever has not answered then, but they may wait long after it, on the queue and for a slot of the send budget
/// (calls go at the account's calls per second: in a storm, minutes): a lawyer woken at night by a call about an
/// alert another lawyer took minutes before is a lawyer less likely to answer the next one. So the step's own test is
/// asked again just before the send: the alert not resolved, nobody of the role acknowledged (a lawyer, for a call),
/// the recipient not having said they cannot go.
/// </summary>
public sealed class DeliveryWithdrawals(ResponseStore responses, RecipientResponseStore recipientResponses)
{
    /// <summary>Why the delivery is no longer wanted, or null when it is (every kind but reminders and calls always is).</summary>
    public async Task<string?> ReasonAsync(Alert alert, Delivery delivery, CancellationToken cancellationToken)
    {
        if (delivery.Kind is not (DeliveryKind.Reminder or DeliveryKind.Call))
        {
            return null;
        }

        if (alert.Status == AlertStatus.Resolved)
        {
            return "the alert was resolved";
        }

        var acknowledgements = responses.ListAcknowledgementsAsync(alert.Id, cancellationToken);
        var declined = recipientResponses.DeclinedAsync(alert.Id, cancellationToken);
        await Task.WhenAll(acknowledgements, declined);

        // A call is for lawyers only (CallPlanner); a reminder is for anyone whose role has not answered.
        var role = delivery.Kind == DeliveryKind.Call ? ContactRole.Lawyer : delivery.Role;
        if ((await acknowledgements).FirstOrDefault(a => a.Role == role) is { } taken)
        {
            return $"{taken.FirstName} ({taken.Role.ToWire()}) acknowledged";
        }

        return (await declined).Contains(DeliveryKinds.AlertDeliveryId(delivery)) ? "the recipient said they cannot go" : null;
    }
}
