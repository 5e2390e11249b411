using System.Text.Json;
using Azure.Storage.Queues;
using RapidResponse.Dispatch;

namespace RapidResponse.Storage;

/// <summary>Puts accepted alerts on the <c>alerts</c> queue (explicitly, so <c>202</c> follows a durable enqueue).</summary>
public sealed class AlertQueue(QueueServiceClient queues)
{
    private readonly QueueClient queue = queues.GetQueueClient(QueueNames.Alerts);

    public async Task EnqueueAsync(AlertMessage message, CancellationToken cancellationToken) =>
        await queue.SendMessageAsync(JsonSerializer.Serialize(message, QueueJson.Default.AlertMessage), cancellationToken);
}
