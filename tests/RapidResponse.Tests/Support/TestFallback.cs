using Azure.Storage.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using RapidResponse.Alerts;
using RapidResponse.Contacts;
using RapidResponse.Dispatch;
using RapidResponse.Storage;

namespace RapidResponse.Tests.Support;

/// <summary>A <see cref="DeliveryFallback"/> over a fresh Contacts table and a deliveries queue of its own on the shared Azurite.</summary>
public sealed record TestFallback(DeliveryFallback Fallback, ContactStore Contacts, QueueClient Queue)
{
    public static async Task<TestFallback> CreateAsync(AlertStore alerts, TimeProvider time)
    {
        var contacts = new ContactStore(await SharedAzurite.NewTableAsync("contacts"));
        var queues = new QueueServiceClient(await SharedAzurite.ConnectionStringAsync(), new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var queue = queues.GetQueueClient("deliveries" + Guid.NewGuid().ToString("N")[..12]);
        await queue.CreateIfNotExistsAsync();
        return new TestFallback(new DeliveryFallback(alerts, contacts, new DeliveryQueue(queue), new PendingWork(await SharedAzurite.NewTableAsync("pending"), time), time, NullLogger<DeliveryFallback>.Instance), contacts, queue);
    }
}
