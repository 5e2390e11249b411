using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;

namespace RapidResponse.Channels.Budget;

/// <summary>
/// One sender's share of the deployment's rate, on one instance. Waiting sends are served by one loop that leases a
/// few tokens per round trip from the shared bucket (<see cref="IBucketStore"/>) and hands them out urgent first.
/// When the store is slow or failing, the loop falls back to this instance's own bucket at the full rate for a while
/// (<see cref="DegradedFor"/>): a send is never held up by storage for longer than <see cref="StorageTimeout"/>.
/// </summary>
internal sealed partial class SenderBudget : IDisposable
{
    /// <summary>A lease round trip slower than this is given up, and this instance counts for itself meanwhile.</summary>
    public static readonly TimeSpan StorageTimeout = TimeSpan.FromMilliseconds(300);

    public static readonly TimeSpan DegradedFor = TimeSpan.FromSeconds(5);

    /// <summary>Slots leased but not used (a waiter cancelled) are spent within this, or given back to time.</summary>
    private static readonly TimeSpan SpareLife = TimeSpan.FromSeconds(1);

    private const int WriteAttempts = 4;

    private readonly string sender;
    private readonly BucketShape shape;
    private readonly IBucketStore store;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly Func<string, string> mask;
    private readonly TokenBucketRateLimiter local;
    private readonly Lock gate = new();
    private readonly Queue<TaskCompletionSource> urgent = new();
    private readonly Queue<TaskCompletionSource> normal = new();
    private int spare;
    private DateTimeOffset spareUntil;
    private bool pumping;
    private TaskCompletionSource? sleeping;
    private DateTimeOffset degradedUntil = DateTimeOffset.MinValue;
    private TimeSpan roundTrip = TimeSpan.Zero;

    public SenderBudget(string sender, int messagesPerSecond, IBucketStore store, TimeProvider time, ILogger logger, Func<string, string> mask)
    {
        this.sender = sender;
        shape = BucketShape.For(messagesPerSecond);
        this.store = store;
        this.time = time;
        this.logger = logger;
        this.mask = mask;
        local = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = messagesPerSecond,
            TokensPerPeriod = messagesPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    /// <summary>Round trips to the store so far (for the benchmark's storage-call count).</summary>
    public long RoundTrips => Interlocked.Read(ref roundTrips);

    private long roundTrips;

    /// <summary>
    /// One round trip on the lease's path, taking nothing: the row read, and written back as it was over its ETag (a
    /// 412, another instance leasing meanwhile, is as good). A new instance's first lease otherwise pays for the
    /// bucket's first table calls (their code compiled on first use, their connection opened) inside
    /// <see cref="StorageTimeout"/>, and falls back to this instance's own cap for <see cref="DegradedFor"/>. False when
    /// the store did not answer; the first lease then tries again as usual.
    /// </summary>
    public async Task<bool> WarmUpAsync(CancellationToken cancellationToken)
    {
        try
        {
            Interlocked.Increment(ref roundTrips);
            if (await store.GetAsync(sender, cancellationToken) is { } stored)
            {
                Interlocked.Increment(ref roundTrips);
                await store.TryWriteAsync(sender, stored.State, stored.Version, cancellationToken);
            }

            return true;
        }
        catch (Exception exception) when (exception is Azure.RequestFailedException or HttpRequestException or AggregateException)
        {
            return false;
        }
    }

    public Task AcquireAsync(SendPriority priority, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (spare > 0 && time.GetUtcNow() < spareUntil)
            {
                spare--;
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            (priority == SendPriority.Urgent ? urgent : normal).Enqueue(waiter);
            if (priority == SendPriority.Urgent)
            {
                sleeping?.TrySetResult(); // the pump waits for tokens above the reserve: an urgent send need not
            }

            if (cancellationToken.CanBeCanceled)
            {
                var registration = cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken));
                _ = waiter.Task.ContinueWith(_ => registration.Dispose(), TaskScheduler.Default);
            }

            if (!pumping)
            {
                pumping = true;
                _ = Task.Run(PumpAsync, CancellationToken.None);
            }

            return waiter.Task;
        }
    }

    private async Task PumpAsync()
    {
        while (true)
        {
            int wantUrgent, wantNormal;
            lock (gate)
            {
                DropFinished(urgent);
                DropFinished(normal);
                var lease = LeaseSize();
                wantUrgent = Math.Min(urgent.Count, lease);
                wantNormal = Math.Min(normal.Count, lease - wantUrgent);
                if (wantUrgent + wantNormal == 0)
                {
                    pumping = false;
                    return;
                }
            }

            var grant = await LeaseAsync(wantUrgent, wantNormal);
            lock (gate)
            {
                var left = Hand(urgent, grant.Urgent) + grant.Normal;
                left = Hand(normal, Hand(urgent, left));
                if (left > 0)
                {
                    spare += left;
                    spareUntil = time.GetUtcNow() + SpareLife;
                }
            }

            if (grant.Total == 0)
            {
                await SleepAsync(grant.Wait, askedUrgent: wantUrgent > 0);
            }
        }
    }

    /// <summary>
    /// Waits for the bucket to refill. A wait for normal sends only is for tokens above the urgent reserve, so an
    /// urgent send arriving meanwhile (or already waiting) ends it: the next lease may take from the reserve.
    /// </summary>
    private async Task SleepAsync(TimeSpan wait, bool askedUrgent)
    {
        if (askedUrgent)
        {
            await Task.Delay(wait, time);
            return;
        }

        TaskCompletionSource wake;
        lock (gate)
        {
            wake = sleeping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (urgent.Count > 0)
            {
                wake.TrySetResult();
            }
        }

        using var timer = new CancellationTokenSource();
        await Task.WhenAny(Task.Delay(wait, time, timer.Token), wake.Task);
        await timer.CancelAsync();
        lock (gate)
        {
            sleeping = null;
        }
    }

    /// <summary>
    /// A tenth of a second's worth, or, when storage answers slowly, what the rate spends in two round trips (at most
    /// the burst): leases are made one at a time, so a fixed size would cap this instance at size ÷ round trip.
    /// </summary>
    private int LeaseSize() =>
        Math.Clamp((int)Math.Ceiling(shape.Rate * roundTrip.TotalSeconds * 2), shape.Lease, Math.Max(shape.Lease, shape.Burst - shape.Reserve));

    /// <summary>Completes up to <paramref name="slots"/> waiters, skipping cancelled ones; returns the slots left.</summary>
    private static int Hand(Queue<TaskCompletionSource> waiters, int slots)
    {
        while (slots > 0 && waiters.TryDequeue(out var waiter))
        {
            if (waiter.TrySetResult())
            {
                slots--;
            }
        }

        return slots;
    }

    private static void DropFinished(Queue<TaskCompletionSource> waiters)
    {
        while (waiters.TryPeek(out var first) && first.Task.IsCompleted)
        {
            waiters.Dequeue();
        }
    }

    private async Task<BucketGrant> LeaseAsync(int wantUrgent, int wantNormal)
    {
        if (time.GetUtcNow() < degradedUntil)
        {
            return await LocalAsync(wantUrgent);
        }

        using var timeout = new CancellationTokenSource(StorageTimeout, time);
        var started = time.GetTimestamp();
        try
        {
            for (var attempt = 1; attempt <= WriteAttempts; attempt++)
            {
                Interlocked.Increment(ref roundTrips);
                var stored = await store.GetAsync(sender, timeout.Token);
                roundTrip = time.GetElapsedTime(started) / ((2 * attempt) - 1);
                var grant = BucketGrant.Take(stored?.State, time.GetUtcNow(), shape, wantUrgent, wantNormal);
                if (grant.Total == 0)
                {
                    return grant;
                }

                Interlocked.Increment(ref roundTrips);
                if (await store.TryWriteAsync(sender, grant.After, stored?.Version, timeout.Token))
                {
                    return grant;
                }
            }

            // Every attempt lost to another instance: the bucket is contended, so it is nearly empty anyway.
            return new BucketGrant(0, 0, new BucketState(0, time.GetUtcNow()), TimeSpan.FromMilliseconds(1000.0 / shape.Rate));
        }
        catch (Exception exception) when (exception is OperationCanceledException or Azure.RequestFailedException or HttpRequestException or AggregateException)
        {
            degradedUntil = time.GetUtcNow() + DegradedFor;
            LogDegraded(mask(sender), DegradedFor, exception.GetType().Name);
            return await LocalAsync(wantUrgent);
        }
    }

    /// <summary>This instance's own bucket at the full rate: the cap as it was before the budget was shared.</summary>
    private async Task<BucketGrant> LocalAsync(int wantUrgent)
    {
        using var lease = await local.AcquireAsync(1);
        var now = time.GetUtcNow();
        return wantUrgent > 0
            ? new BucketGrant(1, 0, new BucketState(0, now), TimeSpan.Zero)
            : new BucketGrant(0, 1, new BucketState(0, now), TimeSpan.Zero);
    }

    public void Dispose() => local.Dispose();

    [LoggerMessage(EventId = 3100, Level = LogLevel.Warning, Message = "The shared send budget of {Sender} could not be reached in time ({Error}); this instance counts its own sends at the full rate for {For}")]
    private partial void LogDegraded(string sender, TimeSpan @for, string error);
}
