using System.Net;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace RapidResponse.Bench;

/// <summary>What the machinery allows: the storage and provider round trips a press and a send cannot do without.</summary>
public sealed record FloorResult(LatencyStats StorageSequential, LatencyStats StorageConcurrent, LatencyStats StandInPost);

/// <summary>
/// A bare Table write + queue put on the host's own Azurite (through the host's own storage clients), one at a time
/// and at the presses' concurrency; and one bare form POST to the Twilio stand-in, one at a time.
/// </summary>
public static class FloorPhase
{
    public const string FloorPhone = "+15550000000";

    public static async Task<FloorResult> RunAsync(BenchHost host, BenchOptions options, CancellationToken cancellationToken)
    {
        var table = host.Service<TableServiceClient>().GetTableClient("BenchFloor");
        var queue = host.Service<QueueServiceClient>().GetQueueClient("bench-floor");
        await table.CreateIfNotExistsAsync(cancellationToken);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

        async Task WriteAndPutAsync(int i)
        {
            var id = Guid.CreateVersion7().ToString("N");
            await table.AddEntityAsync(new TableEntity(id, "alert") { ["Region"] = "BF-FLOOR", ["Incident"] = "detention", ["N"] = i }, cancellationToken);
            await queue.SendMessageAsync($$"""{"alertId":"{{id}}"}""", cancellationToken);
        }

        await Timed.SequentialAsync(options.Concurrency, WriteAndPutAsync);
        var sequential = await Timed.SequentialAsync(Math.Max(options.FloorSamples / 5, 20), WriteAndPutAsync);
        var concurrent = await Timed.ConcurrentAsync(options.FloorSamples, options.Concurrency, WriteAndPutAsync);

        var twilio = new Uri(host.App.BaseUrl, "stand-ins/twilio/2010-04-01/Accounts/AC00000000000000000000000000bench/Messages.json");
        async Task PostAsync(int i)
        {
            using var form = new FormUrlEncodedContent([new("To", FloorPhone), new("From", "+15005550006"), new("Body", $"floor {i}")]);
            using var response = await host.Client.PostAsync(twilio, form, cancellationToken);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"The Twilio stand-in answered {(int)response.StatusCode} to a bare POST.");
            }
        }

        await Timed.SequentialAsync(3, PostAsync);
        var posts = await Timed.SequentialAsync(options.PostSamples, PostAsync);
        return new FloorResult(LatencyStats.From(sequential), LatencyStats.From(concurrent), LatencyStats.From(posts));
    }
}
