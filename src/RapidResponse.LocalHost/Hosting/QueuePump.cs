using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace RapidResponse.LocalHost.Hosting;

/// <summary>
/// Runs one <c>[QueueTrigger]</c> function with the Functions runtime's semantics: base64 messages, batches of
/// <c>batchSize</c> with a new batch fetched at <c>newBatchThreshold</c>, polling that backs off to
/// <c>maxPollingInterval</c> (or wakes at once on an output-binding write), a failed message made visible again
/// after <c>visibilityTimeout</c>, and after <c>maxDequeueCount</c> attempts moved to <c>&lt;queue&gt;-poison</c>.
/// </summary>
public sealed partial class QueuePump(
    QueueFunction function,
    QueueServiceClient queues,
    IServiceScopeFactory scopes,
    QueueHostOptions options,
    QueueSignals signals,
    ILogger<QueuePump> logger) : BackgroundService
{
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(50);
    private static readonly JsonSerializerOptions MessageJson = new(JsonSerializerDefaults.Web);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = queues.GetQueueClient(function.Queue);
        var poison = queues.GetQueueClient(function.Queue + "-poison");
        await Task.WhenAll(queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken), poison.CreateIfNotExistsAsync(cancellationToken: stoppingToken));

        var inFlight = new List<Task>();
        var delay = MinPollingInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            inFlight.RemoveAll(t => t.IsCompleted);
            if (inFlight.Count > options.NewBatchThreshold)
            {
                await Task.WhenAny(inFlight);
                continue;
            }

            QueueMessage[] messages;
            try
            {
                messages = (await queue.ReceiveMessagesAsync(options.BatchSize, MessageLease.Duration, stoppingToken)).Value;
            }
            catch (Azure.RequestFailedException exception)
            {
                LogReceiveFailed(exception, function.Queue);
                messages = [];
            }

            if (messages.Length == 0)
            {
                await WaitAsync(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxPollingInterval.Ticks));
                continue;
            }

            delay = MinPollingInterval;
            inFlight.AddRange(messages.Select(message => ProcessAsync(queue, poison, message, stoppingToken)));
        }

        await Task.WhenAll(inFlight);
    }

    private async Task ProcessAsync(QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken stoppingToken)
    {
        // Held invisible for a short lease that is renewed while the function runs, as the runtime does: if this
        // process dies, the message is back on the queue within one lease, not after the function timeout.
        var lease = new MessageLease(queue, message);
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewal = lease.RenewAsync(renewing.Token);
        try
        {
            await InvokeAsync(message, stoppingToken);
            await MessageLease.StopAsync(renewing, renewal);
            await queue.DeleteMessageAsync(message.MessageId, lease.PopReceipt, CancellationToken.None);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the message becomes visible again when its lease runs out, as with the runtime.
            await MessageLease.StopAsync(renewing, renewal);
        }
        catch (Exception exception)
        {
            await MessageLease.StopAsync(renewing, renewal);
            await FailAsync(queue, poison, message, lease.PopReceipt, exception);
        }
    }

    private async Task InvokeAsync(QueueMessage message, CancellationToken stoppingToken)
    {
        var payload = function.MessageType == typeof(string) ? message.Body.ToString()
            : function.MessageType == typeof(QueueMessage) ? message
            : JsonSerializer.Deserialize(message.Body.ToString(), function.MessageType, MessageJson);
        await using var scope = scopes.CreateAsyncScope();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(options.FunctionTimeout);
        var result = await FunctionInvoker.InvokeAsync(scope.ServiceProvider, function.Method, parameter =>
            parameter.ParameterType == typeof(CancellationToken) ? timeout.Token
            : parameter.ParameterType == function.MessageType ? payload
            : throw new NotSupportedException($"Function {function.Name}: cannot bind parameter '{parameter.Name}'."));

        if (function.OutputQueue is { } output && result is not null)
        {
            await WriteOutputAsync(output, result, stoppingToken);
        }
    }

    private async Task WriteOutputAsync(string queueName, object result, CancellationToken cancellationToken)
    {
        var output = queues.GetQueueClient(queueName);
        IEnumerable<string> messages = result switch
        {
            string single => [single],
            IEnumerable<string> many => many,
            _ => [JsonSerializer.Serialize(result, result.GetType(), MessageJson)],
        };

        // In parallel, bounded, so a 1,000-recipient fan-out does not enqueue one message at a time.
        await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken },
            async (message, ct) =>
            {
                await output.SendMessageAsync(message, ct);
                signals.Notify(queueName);
            });
    }

    private async Task FailAsync(QueueClient queue, QueueClient poison, QueueMessage message, string popReceipt, Exception exception)
    {
        try
        {
            if (message.DequeueCount >= options.MaxDequeueCount)
            {
                LogPoisoned(exception, function.Name, message.MessageId, message.DequeueCount);
                await poison.SendMessageAsync(message.Body, cancellationToken: CancellationToken.None);
                await queue.DeleteMessageAsync(message.MessageId, popReceipt, CancellationToken.None);
            }
            else
            {
                LogFailed(exception, function.Name, message.MessageId, message.DequeueCount, options.MaxDequeueCount);
                await queue.UpdateMessageAsync(message.MessageId, popReceipt, visibilityTimeout: options.VisibilityTimeout, cancellationToken: CancellationToken.None);
            }
        }
        catch (Azure.RequestFailedException storageFailure)
        {
            // The lease then simply runs out and the message comes back: nothing is lost.
            LogReleaseFailed(storageFailure, message.MessageId);
        }
    }

    private async Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await signals.WaitAsync(function.Queue, delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function} failed on message {MessageId} (attempt {DequeueCount} of {MaxDequeueCount}); it will be retried")]
    private partial void LogFailed(Exception exception, string function, string messageId, long dequeueCount, int maxDequeueCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Function} failed on message {MessageId} {DequeueCount} times; moved to the poison queue")]
    private partial void LogPoisoned(Exception exception, string function, string messageId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not receive from queue {Queue}")]
    private partial void LogReceiveFailed(Exception exception, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release message {MessageId}; it returns when its lease ends")]
    private partial void LogReleaseFailed(Exception exception, string messageId);
}
