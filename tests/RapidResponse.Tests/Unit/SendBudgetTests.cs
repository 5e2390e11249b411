using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RapidResponse.Channels.Budget;
using RapidResponse.Channels.Email;
using RapidResponse.Channels.Sms;
using RapidResponse.Channels.Voice;
using RapidResponse.Channels.WhatsApp;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Unit;

/// <summary>
/// The deployment's send budget on a fake clock: several instances (one <see cref="SenderBudget"/> each) over one
/// bucket store with ETag semantics.
/// </summary>
public sealed class SendBudgetTests
{
    private const string Sender = "twilio|+15005550006";
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 1, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Start);
    private readonly MemoryBucketStore store = new();

    [Fact]
    public void ABucket_StartsFull_RefillsAtTheRate_AndNeverHoldsMoreThanOneSecond()
    {
        var shape = BucketShape.For(10);

        var first = BucketGrant.Take(null, Start, shape, wantUrgent: 0, wantNormal: 100);
        Assert.Equal(10 - shape.Reserve, first.Normal);

        var later = BucketGrant.Take(first.After, Start.AddSeconds(0.5), shape, 0, 100);
        Assert.Equal(5, later.Normal); // 2 reserved + 5 refilled, the reserve kept
        var idle = BucketGrant.Take(later.After, Start.AddHours(1), shape, 100, 0);
        Assert.Equal(10, idle.Urgent);
    }

    [Fact]
    public void NormalSends_LeaveTheReserveToUrgentOnes_AndAreToldHowLongToWait()
    {
        var shape = BucketShape.For(10);
        var drained = new BucketState(shape.Reserve, Start);

        var normal = BucketGrant.Take(drained, Start, shape, 0, 5);
        var urgent = BucketGrant.Take(drained, Start, shape, 5, 0);

        Assert.Equal(0, normal.Total);
        Assert.Equal(TimeSpan.FromSeconds(0.1), normal.Wait);
        Assert.Equal(shape.Reserve, urgent.Urgent);
    }

    [Fact]
    public void ABucketStampedInThisInstancesFuture_RefillsNothing()
    {
        var shape = BucketShape.For(10);

        var grant = BucketGrant.Take(new BucketState(0, Start.AddSeconds(5)), Start, shape, 1, 0);

        Assert.Equal(0, grant.Total);
        Assert.Equal(TimeSpan.FromSeconds(0.1), grant.Wait);
    }

    [Fact]
    public async Task ThreeInstancesSendingAtOnce_StayUnderTheGlobalRate_AndEverySendGoesOut()
    {
        const int rate = 20;
        var instances = Enumerable.Range(0, 3).Select(_ => Instance(rate)).ToList();
        var granted = new List<TimeSpan>();
        var sends = instances.SelectMany(budget => Enumerable.Range(0, 40).Select(async _ =>
        {
            await budget.AcquireAsync(SendPriority.Normal, CancellationToken.None);
            lock (granted)
            {
                granted.Add(time.GetUtcNow() - Start);
            }
        })).ToList();

        await RunClockUntilAsync(() => sends.All(s => s.IsCompleted), TimeSpan.FromSeconds(30));

        Assert.Equal(120, granted.Count);
        // Never more than a full bucket plus what the rate refilled, at any moment, across the three instances.
        foreach (var at in granted)
        {
            Assert.True(granted.Count(t => t <= at) <= rate + (rate * at.TotalSeconds) + 0.001, $"{granted.Count(t => t <= at)} sends by {at}");
        }

        // Not leaving capacity unused either: 120 sends at 20/s from a full bucket take about 5 s, not much more.
        Assert.InRange(granted.Max().TotalSeconds, 4.5, 6.5);
        foreach (var budget in instances)
        {
            budget.Dispose();
        }
    }

    [Fact]
    public async Task AnUrgentSend_GoesBeforeEveryWaitingNormalOne_OnThisInstance()
    {
        using var budget = Instance(10);
        var order = new List<string>();
        var normal = Enumerable.Range(0, 20).Select(i => Record(budget.AcquireAsync(SendPriority.Normal, CancellationToken.None), order, $"n{i}")).ToList();
        await RunClockUntilAsync(() => order.Count >= 5, TimeSpan.FromSeconds(5));
        var urgent = Record(budget.AcquireAsync(SendPriority.Urgent, CancellationToken.None), order, "urgent");

        await RunClockUntilAsync(() => urgent.IsCompleted, TimeSpan.FromSeconds(5));

        var before = order.IndexOf("urgent");
        var waitingWhenItCame = 20 - normal.Count(n => n.IsCompleted);
        Assert.True(waitingWhenItCame > 5, "Normal sends were still waiting when the urgent one arrived.");
        Assert.True(before <= 9, $"The urgent send went out {before}th.");
    }

    [Fact]
    public async Task AnUrgentSendOnAnotherInstance_IsNotStarvedByABigFanOut()
    {
        using var busy = Instance(10);
        using var other = Instance(10);
        var fanOut = Enumerable.Range(0, 100).Select(_ => busy.AcquireAsync(SendPriority.Normal, CancellationToken.None)).ToList();
        await RunClockUntilAsync(() => fanOut.Count(f => f.IsCompleted) >= 20, TimeSpan.FromSeconds(10));

        var asked = time.GetUtcNow();
        var urgent = other.AcquireAsync(SendPriority.Urgent, CancellationToken.None);
        await RunClockUntilAsync(() => urgent.IsCompleted, TimeSpan.FromSeconds(10));

        // The reserve is urgent sends' alone: it is there at once, not after 80 queued sends (8 s) nor a refill race.
        Assert.True(time.GetUtcNow() - asked <= TimeSpan.FromMilliseconds(50), $"Waited {time.GetUtcNow() - asked}.");
    }

    [Fact]
    public async Task AnUrgentSend_IsNotHeldByAWaitForTokensAboveTheReserve()
    {
        using var budget = Instance(100); // 100 a second, 20 of them kept for urgent sends
        // The fake clock stands still meanwhile: nothing refills. 80 normal sends take all above the reserve, then 15
        // urgent ones most of the reserve: 5 tokens are left.
        await Task.WhenAll(Enumerable.Range(0, 80).Select(_ => budget.AcquireAsync(SendPriority.Normal, CancellationToken.None))).WaitAsync(TimeSpan.FromSeconds(10));
        await Task.WhenAll(Enumerable.Range(0, 15).Select(_ => budget.AcquireAsync(SendPriority.Urgent, CancellationToken.None))).WaitAsync(TimeSpan.FromSeconds(10));
        var waiting = Enumerable.Range(0, 10).Select(_ => budget.AcquireAsync(SendPriority.Normal, CancellationToken.None)).ToList();
        await RunClockUntilAsync(() => store.Calls > 0 && waiting.All(w => !w.IsCompleted), TimeSpan.FromSeconds(1));
        await Task.Delay(20); // the loop finds the bucket below the reserve, and waits ~0.15 s for it to refill

        var asked = time.GetUtcNow();
        var urgent = budget.AcquireAsync(SendPriority.Urgent, CancellationToken.None);
        await RunClockUntilAsync(() => urgent.IsCompleted, TimeSpan.FromSeconds(1));

        Assert.True(time.GetUtcNow() - asked <= TimeSpan.FromMilliseconds(20), $"Waited {time.GetUtcNow() - asked} behind the normal sends' wait.");
        Assert.All(waiting, w => Assert.False(w.IsCompleted, "A normal send went out of the reserve."));
    }

    [Fact]
    public async Task Calls_DrawFromTheAccountsCallsPerSecond_AndLeaveTheSmsBudgetAlone()
    {
        using var budget = Budget(new TwilioOptions { AccountSid = "AC00000000000000000000000000000000", AuthToken = "token", FromNumber = "+15005550006", MessagesPerSecond = 100, CallsPerSecond = 1 });

        var calls = Enumerable.Range(0, 3).Select(_ => budget.AcquireAsync(TwilioCallPlacer.Provider, SendPriority.Normal, CancellationToken.None).AsTask()).ToList();
        await calls[0].WaitAsync(TimeSpan.FromSeconds(10));

        // The fake clock stands still: 80 SMS (all above the reserve) go at once, the calls' bucket notwithstanding.
        await Task.WhenAll(Enumerable.Range(0, 80).Select(_ => budget.AcquireAsync(TwilioSmsSender.Provider, SendPriority.Normal, CancellationToken.None).AsTask()))
            .WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(calls[1].IsCompleted, "A second call went out in the same second.");

        await RunClockUntilAsync(() => calls.All(c => c.IsCompleted), TimeSpan.FromSeconds(5));
        Assert.InRange(time.GetUtcNow() - Start, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(2.5));
        Assert.Contains("twilio-voice|AC00000000000000000000000000000000", store.Senders);
    }

    [Fact]
    public async Task WhatsAppSends_DrawFromTheirSendersOwnRate_AndLeaveTheSmsBudgetAlone()
    {
        using var budget = Budget(new TwilioOptions
        {
            AccountSid = "AC00000000000000000000000000000000",
            AuthToken = "token",
            FromNumber = "+15005550006",
            MessagesPerSecond = 100,
            WhatsAppFrom = "+15005550007",
            WhatsAppMessagesPerSecond = 5,
        });

        // The fake clock stands still: a full bucket of 5, the reserve included for these urgent sends, and no sixth.
        var whatsApp = Enumerable.Range(0, 6).Select(_ => budget.AcquireAsync(TwilioWhatsAppSender.Provider, SendPriority.Urgent, CancellationToken.None).AsTask()).ToList();
        await Task.WhenAll(whatsApp.Take(5)).WaitAsync(TimeSpan.FromSeconds(10));
        await Task.WhenAll(Enumerable.Range(0, 80).Select(_ => budget.AcquireAsync(TwilioSmsSender.Provider, SendPriority.Normal, CancellationToken.None).AsTask()))
            .WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(whatsApp[5].IsCompleted, "A sixth WhatsApp went out in the first second at 5 a second.");

        await RunClockUntilAsync(() => whatsApp[5].IsCompleted, TimeSpan.FromSeconds(1));
        Assert.Contains("twilio-whatsapp|+15005550007", store.Senders);
    }

    [Fact]
    public async Task WithoutAWhatsAppSender_NothingIsCounted_ForNothingGoesOut()
    {
        using var budget = Budget(new TwilioOptions { AccountSid = "AC00000000000000000000000000000000", AuthToken = "token", FromNumber = "+15005550006", WhatsAppMessagesPerSecond = 1 });

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => budget.AcquireAsync(TwilioWhatsAppSender.Provider, SendPriority.Normal, CancellationToken.None).AsTask()))
            .WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(0, store.Calls);
    }

    [Fact]
    public async Task WhenStorageHangs_ASendWaitsNoLongerThanTheStorageTimeout_ThenTheInstanceCountsForItself()
    {
        using var budget = Instance(10);
        store.Hang = true;

        var send = budget.AcquireAsync(SendPriority.Urgent, CancellationToken.None);
        await RunClockUntilAsync(() => send.IsCompleted, TimeSpan.FromSeconds(2));

        Assert.True(time.GetUtcNow() - Start <= SenderBudget.StorageTimeout + TimeSpan.FromMilliseconds(20), $"Waited {time.GetUtcNow() - Start}.");
        var calls = store.Calls;
        await budget.AcquireAsync(SendPriority.Normal, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(calls, store.Calls); // degraded: not asked again for a while

        store.Hang = false;
        time.Advance(SenderBudget.DegradedFor);
        await budget.AcquireAsync(SendPriority.Normal, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(store.Calls > calls, "Back on the shared bucket once the storage answers again.");
    }

    [Fact]
    public async Task WhenStorageIsSlowButAnswers_LeasesGrow_SoTheInstanceStillSendsAtTheRate()
    {
        store.Latency = TimeSpan.FromMilliseconds(120); // under the storage timeout: the shared bucket is still used
        store.Clock = time;
        using var budget = Instance(100);
        var sends = Enumerable.Range(0, 300).Select(_ => budget.AcquireAsync(SendPriority.Normal, CancellationToken.None)).ToList();

        await RunClockUntilAsync(() => sends.All(s => s.IsCompleted), TimeSpan.FromSeconds(10));

        // 300 at 100/s from a full bucket: about 2.2 s. Fixed leases of 10 per 240 ms round trip would take 7 s.
        Assert.True(time.GetUtcNow() - Start <= TimeSpan.FromSeconds(3.5), $"Took {time.GetUtcNow() - Start}.");
        Assert.True(time.GetUtcNow() - Start >= TimeSpan.FromSeconds(2), $"Faster than the rate: {time.GetUtcNow() - Start}.");
    }

    [Fact]
    public async Task ACancelledWait_GivesItsSlotToTheNext()
    {
        using var budget = Instance(5);
        var drained = Enumerable.Range(0, 5).Select(_ => budget.AcquireAsync(SendPriority.Urgent, CancellationToken.None)).ToList();
        await RunClockUntilAsync(() => drained.All(d => d.IsCompleted), TimeSpan.FromSeconds(2));
        using var cancel = new CancellationTokenSource();
        var cancelled = budget.AcquireAsync(SendPriority.Normal, cancel.Token);
        var next = budget.AcquireAsync(SendPriority.Normal, CancellationToken.None);

        await cancel.CancelAsync();
        await RunClockUntilAsync(() => next.IsCompleted, TimeSpan.FromSeconds(2));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.True(time.GetUtcNow() - Start <= TimeSpan.FromSeconds(0.5), $"The next waited {time.GetUtcNow() - Start}.");
    }

    [Fact]
    public async Task AWarmUp_MakesTheRoundTrip_AndTakesNoToken()
    {
        using var sending = Instance(10);
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => sending.AcquireAsync(SendPriority.Urgent, CancellationToken.None))).WaitAsync(TimeSpan.FromSeconds(5));
        var before = await store.GetAsync(Sender, CancellationToken.None);
        using var starting = Instance(10);

        Assert.True(await starting.WarmUpAsync(CancellationToken.None));

        var after = await store.GetAsync(Sender, CancellationToken.None);
        Assert.Equal(before!.Value.State, after!.Value.State);
        Assert.NotEqual(before.Value.Version, after.Value.Version); // written back: the write path is warm too
        // The four tokens the first instance left are all there for the new one's sends, and no fifth.
        var sends = Enumerable.Range(0, 5).Select(_ => starting.AcquireAsync(SendPriority.Urgent, CancellationToken.None)).ToList();
        await Task.WhenAll(sends.Take(4)).WaitAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(50);
        Assert.False(sends[4].IsCompleted, "The warm-up gave a token the bucket did not have.");
    }

    [Fact]
    public async Task AWarmUp_OfASenderWithNoBucketYet_LeavesItToTheFirstLease()
    {
        using var budget = Instance(10);

        Assert.True(await budget.WarmUpAsync(CancellationToken.None));

        Assert.Empty(store.Senders);
        Assert.Equal(1, store.Calls);
    }

    [Fact]
    public async Task TheHostsWarmUp_ReachesTheSmsBucket_AndDoesNotHoldUpAStopWhileStorageHangs()
    {
        using var budget = Budget(new TwilioOptions { AccountSid = "AC00000000000000000000000000000000", AuthToken = "token", FromNumber = "+15005550006", MessagesPerSecond = 10 });
        await budget.AcquireAsync(TwilioSmsSender.Provider, SendPriority.Normal, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        var version = (await store.GetAsync(Sender, CancellationToken.None))!.Value.Version;
        using var warmUp = new SendBudgetWarmUp(budget, time, NullLogger<SendBudgetWarmUp>.Instance);

        await warmUp.StartAsync(CancellationToken.None);
        await RunClockUntilAsync(() => store.GetAsync(Sender, CancellationToken.None).Result!.Value.Version != version, TimeSpan.FromSeconds(1));

        store.Hang = true;
        using var hanging = new SendBudgetWarmUp(budget, time, NullLogger<SendBudgetWarmUp>.Instance);
        await hanging.StartAsync(CancellationToken.None);
        await hanging.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
    }

    private SenderBudget Instance(int rate) => new(Sender, rate, store, time, NullLogger.Instance, s => s);

    private SendBudget Budget(TwilioOptions twilio) => new(
        store, Options.Create(twilio), Options.Create(new SendGridOptions { ApiKey = "key", FromEmail = "alerts@example.org" }), time, NullLogger<SendBudget>.Instance);

    private static async Task Record(Task acquired, List<string> order, string name)
    {
        await acquired;
        lock (order)
        {
            order.Add(name);
        }
    }

    /// <summary>Moves the fake clock in 10 ms steps, letting the budgets' loops run between steps.</summary>
    private async Task RunClockUntilAsync(Func<bool> done, TimeSpan limit)
    {
        var until = time.GetUtcNow() + limit;
        while (!done())
        {
            Assert.True(time.GetUtcNow() < until, $"Not done after {limit} of fake time.");
            for (var i = 0; i < 3 && !done(); i++)
            {
                await Task.Delay(1);
            }

            if (!done())
            {
                time.Advance(TimeSpan.FromMilliseconds(10));
            }
        }
    }
}
