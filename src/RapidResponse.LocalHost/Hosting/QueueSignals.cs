using System.Collections.Concurrent;

namespace RapidResponse.LocalHost.Hosting;

/// <summary>
/// Wakes a queue's pump when a function's output binding just wrote to it, as the Functions runtime does,
/// instead of leaving the message until the pump's next poll.
/// </summary>
public sealed class QueueSignals
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> signals = new(StringComparer.Ordinal);

    public void Notify(string queue)
    {
        var signal = Get(queue);

        // Writers notify from many threads at once: check and release under one lock, or two see 0 and the second
        // release overflows the semaphore (found by the benchmark's 1,000-recipient fan-out).
        lock (signal)
        {
            if (signal.CurrentCount == 0)
            {
                signal.Release();
            }
        }
    }

    /// <summary>Waits for a signal or the timeout, whichever comes first; true when signalled.</summary>
    public Task<bool> WaitAsync(string queue, TimeSpan timeout, CancellationToken cancellationToken) =>
        Get(queue).WaitAsync(timeout, cancellationToken);

    private SemaphoreSlim Get(string queue) => signals.GetOrAdd(queue, _ => new SemaphoreSlim(0, 1));
}
