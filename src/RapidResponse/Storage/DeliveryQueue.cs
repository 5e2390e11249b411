using System.Text.Json;
using Azure.Storage.Queues;
using RapidResponse.Dispatch;

namespace RapidResponse.Storage;

/// <summary>
/// Puts sends on the <c>deliveries</c> queue directly, for work that starts outside a fan-out (a fallback to the
/// other channel, a replayed poison message). Fan-out itself hands its messages over through <c>[QueueOutput]</c>.
/// </summary>
public sealed class DeliveryQueue
{
    private const int PutsInFlight = 16;

    private readonly QueueClient queue;
    private readonly QueueClient urgent;

    public DeliveryQueue(QueueServiceClient queues)
        : this(queues.GetQueueClient(QueueNames.Deliveries), queues.GetQueueClient(QueueNames.UrgentDeliveries))
    {
    }

    /// <summary>Queues of other names: tests use their own, so they do not read each other's messages.</summary>
    internal DeliveryQueue(QueueClient queue, QueueClient? urgent = null)
    {
        this.queue = queue;
        this.urgent = urgent ?? queue;
    }

    /// <summary>
    /// On <c>deliveries-urgent</c>, hidden for <paramref name="delay"/>: the copies of an alert's first lawyers' SMS,
    /// which the fan-out sends itself (<see cref="FirstSends"/>). Its own listener takes them ahead of the long
    /// <c>deliveries</c> queue of a large fan-out.
    /// </summary>
    public Task EnqueueUrgentAsync(IEnumerable<DeliveryMessage> messages, TimeSpan delay, CancellationToken cancellationToken) =>
        Task.WhenAll(messages.Select(message =>
            urgent.SendMessageAsync(JsonSerializer.Serialize(message, QueueJson.Default.DeliveryMessage), delay, cancellationToken: cancellationToken)));

    public async Task EnqueueAsync(DeliveryMessage message, CancellationToken cancellationToken) =>
        await queue.SendMessageAsync(JsonSerializer.Serialize(message, QueueJson.Default.DeliveryMessage), cancellationToken);

    /// <summary>
    /// Many messages (a watchdog sweep's re-issues), a few puts in flight at a time: thousands at once would queue
    /// every other storage call of the instance, the sends' own, behind them.
    /// </summary>
    public async Task EnqueueAllAsync(IEnumerable<DeliveryMessage> messages, CancellationToken cancellationToken) =>
        await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = PutsInFlight, CancellationToken = cancellationToken },
            async (message, token) => await EnqueueAsync(message, token));

    /// <summary>Enqueued hidden for <paramref name="delay"/>: a retry that waits out a provider outage.</summary>
    public async Task EnqueueAsync(DeliveryMessage message, TimeSpan delay, CancellationToken cancellationToken) =>
        await queue.SendMessageAsync(JsonSerializer.Serialize(message, QueueJson.Default.DeliveryMessage), delay, cancellationToken: cancellationToken);
}
