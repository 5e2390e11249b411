using Microsoft.Azure.Functions.Worker;
using RapidResponse.Channels.Budget;
using RapidResponse.Dispatch;
using RapidResponse.Storage;

namespace RapidResponse.Functions.Dispatch;

public sealed class UrgentDeliveryFunction(DeliveryService deliveries)
{
    /// <summary>One of an alert's first lawyers' SMS: its own queue and listener, first in the send budget.</summary>
    [Function("UrgentDelivery")]
    public Task RunAsync([QueueTrigger(QueueNames.UrgentDeliveries)] DeliveryMessage message, CancellationToken cancellationToken) =>
        deliveries.DeliverAsync(message, SendPriority.Urgent, cancellationToken);
}
