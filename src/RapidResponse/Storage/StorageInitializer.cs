using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Hosting;

namespace RapidResponse.Storage;

/// <summary>Creates the contract's tables and queues (and the poison twins) at start-up if they are missing.</summary>
public sealed class StorageInitializer(TableServiceClient tables, QueueServiceClient queues) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var work = TableNames.All.Select(name => tables.CreateTableIfNotExistsAsync(name, cancellationToken) as Task)
            .Concat(QueueNames.All.SelectMany(q => new[] { q, QueueNames.Poison(q) })
                .Select(name => queues.GetQueueClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
        await Task.WhenAll(work);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
