using System.Text.Json;
using Azure.Storage.Queues;
using RapidResponse.Dispatch;

namespace RapidResponse.Storage;

/// <summary>Puts accepted alerts on the <c>alerts</c> queue (explicitly, so <c>202</c> follows a durable enqueue).</summary>
public sealed class AlertQueue
{
    private readonly QueueClient queue;

    public AlertQueue(QueueServiceClient queues)
        : this(queues.GetQueueClient(QueueNames.Alerts))
    {
    }

    /// <summary>A queue of another name: tests use their own, so they do not read each other's messages.</summary>
    internal AlertQueue(QueueClient queue) => this.queue = queue;

    public async Task EnqueueAsync(AlertMessage message, CancellationToken cancellationToken) =>
        await queue.SendMessageAsync(JsonSerializer.Serialize(message, QueueJson.Default.AlertMessage), cancellationToken);
}
