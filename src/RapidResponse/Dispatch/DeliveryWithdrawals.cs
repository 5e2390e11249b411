using RapidResponse.Alerts;
using RapidResponse.Contacts;
using RapidResponse.Responses;

namespace RapidResponse.Dispatch;

/// <summary>
/// Whether a reminder or an escalation call is still wanted when its turn comes. An escalation step makes them for
/// whoever has not answered then, but they may wait long after it, on the queue and for a slot of the send budget
/// (calls go at the account's calls per second: in a storm, minutes): a lawyer woken at night by a call about an
/// alert another lawyer took minutes before is a lawyer less likely to answer the next one. So the step's own test
/// (<see cref="AlertAnswers.Awaits"/>) is asked again just before the send, and whether the alert was resolved meanwhile.
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

        var answers = await AlertAnswers.ReadAsync(responses, recipientResponses, alert.Id, cancellationToken);

        // A call is for lawyers only (CallPlanner); a reminder is for anyone whose role has not answered.
        var role = delivery.Kind == DeliveryKind.Call ? ContactRole.Lawyer : delivery.Role;
        var alertDelivery = DeliveryKinds.AlertDeliveryId(delivery);
        return answers.Awaits(role, alertDelivery) ? null
            : answers.AcknowledgedBy(role) is { } taken ? $"{taken.FirstName} ({taken.Role.ToWire()}) acknowledged"
            : "the recipient said they cannot go";
    }
}
