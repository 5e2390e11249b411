using Azure.Storage.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RapidResponse.Alerts;
using RapidResponse.Channels.Sms;
using RapidResponse.Dispatch;
using RapidResponse.Storage;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Storage;

/// <summary>The watchdog finds what a dead instance left behind, from the pending-work index, on a fake clock.</summary>
public sealed class DispatchWatchdogTests
{
    private const int Rate = 10;

    private readonly FakeTimeProvider time = new(AlertStoreTests.Now);

    [Fact]
    public async Task AcceptedButNotFannedOut_IsReissuedOnceStale_AndOnlyOncePerPeriod()
    {
        var world = await World.CreateAsync(time);
        await world.Pending.AcceptedAsync("a1", CancellationToken.None);

        Assert.Equal(0, (await world.Watchdog.SweepAsync(CancellationToken.None)).FanOutsReissued);
        time.Advance(DispatchWatchdog.Stale);
        Assert.Equal(1, (await world.Watchdog.SweepAsync(CancellationToken.None)).FanOutsReissued);
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(0, (await world.Watchdog.SweepAsync(CancellationToken.None)).FanOutsReissued);
        time.Advance(DispatchWatchdog.ReissueEvery);
        Assert.Equal(1, (await world.Watchdog.SweepAsync(CancellationToken.None)).FanOutsReissued);

        var messages = (await world.Alerts.PeekMessagesAsync(32)).Value;
        Assert.Equal(2, messages.Count(m => m.Body.ToString().Contains("\"a1\"", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task StuckDeliveries_AreReissued_LiveClaimsAndSentOnesAreNot_AndADoneAlertLeavesTheIndex()
    {
        var world = await World.CreateAsync(time);
        await world.Store.CreateAsync(AlertStoreTests.Alert("a1"), new TimelineEntry(time.GetUtcNow(), "accepted", "Alert accepted"), CancellationToken.None);
        await world.Pending.AcceptedAsync("a1", CancellationToken.None);
        var now = time.GetUtcNow();
        var pending = AlertStoreTests.Delivery("a1", "KZ|c1|sms");
        var claimed = AlertStoreTests.Delivery("a1", "KZ|c2|sms").MoveTo(DeliveryState.Sending, now) with { SendingSince = now };
        var sent = AlertStoreTests.Delivery("a1", "KZ|c3|sms").MoveTo(DeliveryState.Sent, now);
        await world.Store.AddDeliveriesAsync([pending, claimed, sent], CancellationToken.None);
        await world.Pending.FannedOutAsync("a1", CancellationToken.None);

        time.Advance(DispatchWatchdog.Stale);
        var first = await world.Watchdog.SweepAsync(CancellationToken.None);
        Assert.Equal((0, 1), (first.FanOutsReissued, first.DeliveriesReissued));
        Assert.Equal(["KZ|c1|sms"], await world.QueuedDeliveryIdsAsync());

        // The claim's lease runs out: the claim is re-issued (the first one, re-issued already, waits its period).
        time.Advance(DeliveryService.SendingLease - DispatchWatchdog.Stale);
        Assert.Equal(1, (await world.Watchdog.SweepAsync(CancellationToken.None)).DeliveriesReissued);
        Assert.Equal(["KZ|c1|sms", "KZ|c2|sms"], (await world.QueuedDeliveryIdsAsync()).Order(StringComparer.Ordinal));

        foreach (var id in new[] { pending.Id, claimed.Id })
        {
            var row = (await world.Store.GetDeliveryAsync("a1", id, CancellationToken.None))!;
            await world.Store.TryUpdateDeliveryAsync(row.MoveTo(DeliveryState.Sent, time.GetUtcNow()), CancellationToken.None);
        }

        Assert.Equal(1, (await world.Watchdog.SweepAsync(CancellationToken.None)).Cleared);
        Assert.Empty(await world.Pending.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ALargeFanOut_WaitingItsTurnAtTheSendRate_OrStillSending_IsNotReissued()
    {
        var world = await World.CreateAsync(time);
        await world.Pending.AcceptedAsync("a1", CancellationToken.None);
        await world.Pending.FannedOutAsync("a1", CancellationToken.None);
        await world.Pending.AcceptedAsync("a2", CancellationToken.None);
        await world.Pending.FannedOutAsync("a2", CancellationToken.None);

        // 400 SMS at 10 a second: 40 s of sending by design; a second alert's 5 queued behind them.
        var big = Enumerable.Range(1, 400).Select(i => AlertStoreTests.Delivery("a1", $"KZ|c{i}|sms")).ToList();
        await world.Store.AddDeliveriesAsync(big, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        var behind = Enumerable.Range(1, 5).Select(i => AlertStoreTests.Delivery("a2", $"KZ|d{i}|sms") with { CreatedAt = time.GetUtcNow() }).ToList();
        await world.Store.AddDeliveriesAsync(behind, CancellationToken.None);

        var turns = DispatchWatchdog.Turns([.. behind, .. big], Rate);
        Assert.All(big, d => Assert.Equal(TimeSpan.FromSeconds(39.9), turns[(d.AlertId, d.Id)]));
        Assert.All(behind, d => Assert.Equal(TimeSpan.FromSeconds(40.4), turns[(d.AlertId, d.Id)]));

        // Stale after creation, the big alert is still in its turn: nothing is re-issued.
        time.Advance(DispatchWatchdog.Stale);
        Assert.Equal(0, (await world.Watchdog.SweepAsync(CancellationToken.None)).DeliveriesReissued);

        // Past its turn, but its sends are still going out: the rest are waiting in the queue, not lost.
        time.Advance(TimeSpan.FromSeconds(34));
        var moved = await world.Store.GetDeliveryAsync("a1", big[0].Id, CancellationToken.None);
        await world.Store.TryUpdateDeliveryAsync(moved!.MoveTo(DeliveryState.Sent, time.GetUtcNow()), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, (await world.Watchdog.SweepAsync(CancellationToken.None)).DeliveriesReissued);

        // Nothing of it has moved for Stale: its unsent rows are stuck; the second alert's once past its own turn.
        time.Advance(DispatchWatchdog.Stale);
        Assert.Equal(399 + 5, (await world.Watchdog.SweepAsync(CancellationToken.None)).DeliveriesReissued);
    }

    [Fact]
    public async Task SendsHeldForAnOutage_AreLeftToTheirBackOff_ProbedOneAtATime_AndAllBroughtForwardOnRecovery()
    {
        var world = await World.CreateAsync(time);
        await world.Pending.AcceptedAsync("a1", CancellationToken.None);
        await world.Pending.FannedOutAsync("a1", CancellationToken.None);
        var now = time.GetUtcNow();
        var held = Enumerable.Range(1, 3)
            .Select(i => AlertStoreTests.Delivery("a1", $"KZ|c{i}|sms") with { Failures = 5, RetryAt = now + TimeSpan.FromMinutes(i + 2) })
            .ToList();
        await world.Store.AddDeliveriesAsync(held, CancellationToken.None);
        await world.Outages.FailedAsync("twilio", "Twilio answered 503", CancellationToken.None);

        // Down: one probe (the soonest due), none re-issued as stuck, and no second probe within ProbeEvery.
        Assert.Equal(1, (await world.Watchdog.SweepAsync(CancellationToken.None)).DeliveriesReissued);
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(0, (await world.Watchdog.SweepAsync(CancellationToken.None)).DeliveriesReissued);
        Assert.Equal(["KZ|c1|sms"], await world.QueuedDeliveryIdsAsync());

        // A send goes through again: every held send is brought forward at the next sweep.
        await world.Outages.FailedAsync("twilio", "Twilio answered 503", CancellationToken.None);
        await world.Outages.WorkingAsync("twilio", CancellationToken.None);
        Assert.Equal(3, (await world.Watchdog.SweepAsync(CancellationToken.None)).DeliveriesReissued);
        Assert.Equal(4, (await world.QueuedDeliveryIdsAsync()).Count);
    }

    [Fact]
    public async Task WorkPlannedWhileASweepRuns_KeepsTheAlertInTheIndex()
    {
        var world = await World.CreateAsync(time);
        await world.Pending.AcceptedAsync("a1", CancellationToken.None);
        await world.Pending.FannedOutAsync("a1", CancellationToken.None);
        var read = Assert.Single(await world.Pending.ListAsync(CancellationToken.None));

        // A follow-up is planned after the sweep read the index (and found nothing open): the clear must fail.
        await world.Pending.PlannedAsync("a1", CancellationToken.None);

        Assert.False(await world.Pending.TryClearAsync(read, CancellationToken.None));
        Assert.Single(await world.Pending.ListAsync(CancellationToken.None));
    }

    private sealed record World(DispatchWatchdog Watchdog, PendingWork Pending, AlertStore Store, QueueClient Alerts, QueueClient Deliveries, RapidResponse.Operations.ProviderOutages Outages)
    {
        public static async Task<World> CreateAsync(TimeProvider time)
        {
            var queues = new QueueServiceClient(await SharedAzurite.ConnectionStringAsync(), new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
            var alerts = queues.GetQueueClient("alerts" + Guid.NewGuid().ToString("N")[..12]);
            var deliveries = queues.GetQueueClient("deliveries" + Guid.NewGuid().ToString("N")[..12]);
            await Task.WhenAll(alerts.CreateAsync(), deliveries.CreateAsync());
            var pending = new PendingWork(await SharedAzurite.NewTableAsync("pending"), time);
            var store = new AlertStore(await SharedAzurite.NewTableAsync("alerts"));
            var outages = await TestOutages.CreateAsync(new RecordingSmsStub(), new RecordingEmail(), time);
            var options = Options.Create(new RapidResponseOptions { AdminKey = new string('k', 32), PublicBaseUrl = new Uri("https://rr.example.org") });
            var twilio = Options.Create(new TwilioOptions { AccountSid = "AC0", AuthToken = "token", FromNumber = "+15005550006", MessagesPerSecond = Rate });
            var watchdog = new DispatchWatchdog(pending, store, new AlertQueue(alerts), new DeliveryQueue(deliveries), outages, options, twilio, time, NullLogger<DispatchWatchdog>.Instance);
            return new World(watchdog, pending, store, alerts, deliveries, outages);
        }

        public async Task<List<string>> QueuedDeliveryIdsAsync() =>
            (await Deliveries.PeekMessagesAsync(32)).Value
                .Select(m => System.Text.Json.JsonSerializer.Deserialize(m.Body.ToString(), QueueJson.Default.DeliveryMessage)!.DeliveryId)
                .ToList();
    }

    private sealed class RecordingSmsStub : RapidResponse.Channels.Sms.ISmsSender
    {
        public Task<RapidResponse.Channels.SendOutcome> SendAsync(RapidResponse.Channels.Sms.SmsMessage message, CancellationToken cancellationToken) =>
            Task.FromResult<RapidResponse.Channels.SendOutcome>(new RapidResponse.Channels.SendOutcome.Accepted("SM1"));

        public Task<string?> FindSentAsync(RapidResponse.Channels.Sms.SmsMessage message, DateTimeOffset since, CancellationToken cancellationToken) =>
            Task.FromResult<string?>(null);
    }
}
