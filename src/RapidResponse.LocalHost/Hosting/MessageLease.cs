using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace RapidResponse.LocalHost.Hosting;

/// <summary>
/// Keeps a received message invisible while its function runs, renewing a short lease. Each renewal changes the
/// pop receipt, so the delete or release afterwards uses <see cref="PopReceipt"/>, read once renewal has stopped.
/// </summary>
internal sealed class MessageLease(QueueClient queue, QueueMessage message)
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(10);

    public string PopReceipt { get; private set; } = message.PopReceipt;

    public async Task RenewAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(RenewEvery, cancellationToken);
                var renewed = await queue.UpdateMessageAsync(message.MessageId, PopReceipt, visibilityTimeout: Duration, cancellationToken: cancellationToken);
                PopReceipt = renewed.Value.PopReceipt;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Azure.RequestFailedException)
        {
            // The lease lapses and the message may come back while the function still runs: at-least-once, as
            // everything downstream expects; the delete afterwards then fails harmlessly.
        }
    }

    public static async Task StopAsync(CancellationTokenSource renewing, Task renewal)
    {
        await renewing.CancelAsync();
        await renewal;
    }
}
