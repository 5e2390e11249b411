using Microsoft.Extensions.Logging;
using RapidResponse.Storage;

namespace RapidResponse.Dispatch;

/// <summary>
/// An alert's first lawyers' SMS, sent by the fan-out itself as soon as their rows are in: no queue hop, no wait for
/// a listener's next poll. Each has a copy on <c>deliveries-urgent</c>, hidden for <see cref="Cover"/>: if this
/// instance dies mid-send, or the send fails, the copy makes it; the row's claim keeps it to one send either way.
/// </summary>
public sealed partial class FirstSends(
    DeliveryQueue queue, Func<DeliveryMessage, CancellationToken, Task> send, TimeProvider time, ILogger<FirstSends> logger)
{
    /// <summary>How long the copies stay hidden: longer than a healthy send takes, short for a lawyer waiting.</summary>
    public static readonly TimeSpan Cover = TimeSpan.FromSeconds(10);

    /// <summary>How long the fan-out waits for them; a slow provider's sends go on alone, so the rest is not held up.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(2);

    public async Task SendAsync(IReadOnlyCollection<DeliveryMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }

        // The copies are written while the sends go, not before them: the fan-out (and so its alert message) ends
        // only once they are in, and an instance that dies in the few milliseconds before leaves rows the watchdog
        // re-issues (DispatchWatchdog), so nothing is lost for the round trip it would cost every alert's first SMS.
        var covers = queue.EnqueueUrgentAsync(messages, Cover, cancellationToken);
        var sends = Task.WhenAll(messages.Select(message => SendOneAsync(message, cancellationToken)));
        await Task.WhenAll(covers, Task.WhenAny(sends, Task.Delay(LongestWait, time, cancellationToken)));
    }

    private async Task SendOneAsync(DeliveryMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await send(message, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogLeftToCopy(message.AlertId, message.DeliveryId, exception.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Alert {AlertId}: first send {DeliveryId} did not complete in the fan-out ({Error}); its urgent copy sends it")]
    private partial void LogLeftToCopy(string alertId, string deliveryId, string error);
}
