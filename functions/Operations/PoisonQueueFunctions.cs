using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using RapidResponse.Operations;
using RapidResponse.Storage;

namespace RapidResponse.Functions.Operations;

/// <summary>Parks what lands on a poison queue and alerts the operator; replayed through the admin API.</summary>
public sealed class PoisonQueueFunctions(PoisonMessages poison)
{
    [Function("ParkPoisonedAlert")]
    public Task AlertsAsync([QueueTrigger(QueueNames.Alerts + "-poison")] QueueMessage message, CancellationToken cancellationToken) =>
        poison.ParkAsync(QueueNames.Alerts, message.MessageId, message.Body.ToString(), cancellationToken);

    [Function("ParkPoisonedDelivery")]
    public Task DeliveriesAsync([QueueTrigger(QueueNames.Deliveries + "-poison")] QueueMessage message, CancellationToken cancellationToken) =>
        poison.ParkAsync(QueueNames.Deliveries, message.MessageId, message.Body.ToString(), cancellationToken);

    [Function("ParkPoisonedUrgentDelivery")]
    public Task UrgentDeliveriesAsync([QueueTrigger(QueueNames.UrgentDeliveries + "-poison")] QueueMessage message, CancellationToken cancellationToken) =>
        poison.ParkAsync(QueueNames.UrgentDeliveries, message.MessageId, message.Body.ToString(), cancellationToken);

    [Function("ParkPoisonedEscalation")]
    public Task EscalationsAsync([QueueTrigger(QueueNames.Escalations + "-poison")] QueueMessage message, CancellationToken cancellationToken) =>
        poison.ParkAsync(QueueNames.Escalations, message.MessageId, message.Body.ToString(), cancellationToken);
}
