using Microsoft.Azure.Functions.Worker;
using RapidResponse.Dispatch;
using RapidResponse.Storage;

namespace RapidResponse.Functions.Dispatch;

public sealed class DeliveryFunction(DeliveryService deliveries)
{
    /// <summary>One send. Failures propagate: the queue retries with back-off, then the poison queue.</summary>
    [Function("Delivery")]
    public Task RunAsync([QueueTrigger(QueueNames.Deliveries)] DeliveryMessage message, CancellationToken cancellationToken) =>
        deliveries.DeliverAsync(message, cancellationToken);
}
