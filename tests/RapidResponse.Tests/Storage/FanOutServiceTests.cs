using Azure.Storage.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RapidResponse.Alerts;
using RapidResponse.Contacts;
using RapidResponse.Dispatch;
using RapidResponse.Escalation;
using RapidResponse.Responses;
using RapidResponse.Security;
using RapidResponse.Storage;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Storage;

/// <summary>The intake writes the alert row and its message at once: the fan-out must cope with either coming first.</summary>
public sealed class FanOutServiceTests
{
    private static readonly DateTimeOffset Pressed = new(2026, 11, 24, 10, 5, 0, TimeSpan.Zero);

    [Fact]
    public async Task ARowThatLandsJustAfterItsMessage_IsFoundAndFannedOut()
    {
        var (fanOut, store, time, firsts) = await SetUpAsync();
        var alert = AlertStoreTests.Alert(Ids.NewId(time)) with { CreatedAt = Pressed };

        var fanning = fanOut.FanOutAsync(new AlertMessage(alert.Id, null), CancellationToken.None);
        await Task.Delay(50);
        await store.CreateAsync(alert, new TimelineEntry(Pressed, "accepted", "Alert accepted"), CancellationToken.None);

        var messages = await fanning;
        Assert.Empty(messages);
        Assert.Single(await firsts.TakeAsync());
        Assert.Single(await store.ListDeliveriesAsync(alert.Id, CancellationToken.None));
    }

    [Fact]
    public async Task AMissingRow_IsRetriedWhileAPressCouldStillLand_ThenTheMessageEndsWithNothingSent()
    {
        var (fanOut, store, time, firsts) = await SetUpAsync();
        var alertId = Ids.NewId(time);

        await Assert.ThrowsAsync<InvalidOperationException>(() => fanOut.FanOutAsync(new AlertMessage(alertId, null), CancellationToken.None));

        time.Advance(FanOutService.NeverAcceptedAfter + TimeSpan.FromSeconds(1));
        Assert.Empty(await fanOut.FanOutAsync(new AlertMessage(alertId, null), CancellationToken.None));
        Assert.Empty(await store.ListDeliveriesAsync(alertId, CancellationToken.None));
        Assert.Empty(await firsts.TakeAsync());
    }

    [Fact]
    public async Task ARetriedFanOut_AddsNothing_AndReissuesOnlyWhatIsUnsent()
    {
        var (fanOut, store, time, firsts) = await SetUpAsync(lawyers: 5);
        var alert = AlertStoreTests.Alert(Ids.NewId(time)) with { CreatedAt = Pressed };
        await store.CreateAsync(alert, new TimelineEntry(Pressed, "accepted", "Alert accepted"), CancellationToken.None);

        Assert.Equal(5, (await fanOut.FanOutAsync(new AlertMessage(alert.Id, null), CancellationToken.None)).Length + (await firsts.TakeAsync()).Count);
        var sent = (await store.ListDeliveriesAsync(alert.Id, CancellationToken.None))[0];
        await store.TryUpdateDeliveryAsync(sent.MoveTo(DeliveryState.Sent, Pressed), CancellationToken.None);

        var again = (await fanOut.FanOutAsync(new AlertMessage(alert.Id, null), CancellationToken.None)).Concat(await firsts.TakeAsync()).ToList();

        Assert.Equal(4, again.Count);
        Assert.DoesNotContain(again, m => m.Contains(sent.Id, StringComparison.Ordinal));
        Assert.Equal(5, (await store.ListDeliveriesAsync(alert.Id, CancellationToken.None)).Count);
        var record = await store.ReadAsync(alert.Id, CancellationToken.None);
        Assert.Single(record!.Timeline, t => t.Kind == "fan-out");
    }

    [Fact]
    public async Task AnAlertsFirstLawyersSms_AreSentByTheFanOut_EachWithAHiddenUrgentCopy_TheRestAreHandedBackForDeliveries()
    {
        var (fanOut, store, time, firsts) = await SetUpAsync(lawyers: 7);
        var alert = AlertStoreTests.Alert(Ids.NewId(time)) with { CreatedAt = Pressed };
        await store.CreateAsync(alert, new TimelineEntry(Pressed, "accepted", "Alert accepted"), CancellationToken.None);

        var rest = await fanOut.FanOutAsync(new AlertMessage(alert.Id, null), CancellationToken.None);
        var first = await firsts.TakeAsync();

        Assert.Equal(FanOutService.UrgentPerAlert, first.Count);
        Assert.Equal(7 - FanOutService.UrgentPerAlert, rest.Length);
        var ids = first.Concat(rest).Select(m => System.Text.Json.JsonDocument.Parse(m).RootElement.GetProperty("deliveryId").GetString()).ToList();
        Assert.Equal(7, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task FirstSendsThatFailOrHang_DoNotHoldUpTheFanOut_TheirCopiesRemain()
    {
        var (fanOut, store, time, firsts) = await SetUpAsync(lawyers: 5);
        var alert = AlertStoreTests.Alert(Ids.NewId(time)) with { CreatedAt = Pressed };
        await store.CreateAsync(alert, new TimelineEntry(Pressed, "accepted", "Alert accepted"), CancellationToken.None);
        var hang = new TaskCompletionSource();
        var calls = 0;
        firsts.Send = () => Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("provider said no") : hang.Task;

        var fanning = fanOut.FanOutAsync(new AlertMessage(alert.Id, null), CancellationToken.None);
        while (Volatile.Read(ref calls) < FanOutService.UrgentPerAlert)
        {
            await Task.Delay(10);
        }

        Assert.False(fanning.IsCompleted);
        time.Advance(FirstSends.LongestWait);
        Assert.Equal(5 - FanOutService.UrgentPerAlert, (await fanning).Length);
        Assert.Equal(FanOutService.UrgentPerAlert, (await firsts.TakeAsync()).Count);
        hang.SetResult();
    }

    [Fact]
    public void Ids_TellWhenTheyWereMade()
    {
        var time = new FakeTimeProvider(Pressed);

        Assert.Equal(Pressed, Ids.CreatedAt(Ids.NewId(time)));
        Assert.Null(Ids.CreatedAt("not-an-id"));
        Assert.Null(Ids.CreatedAt(Guid.NewGuid().ToString("N")));
    }

    /// <summary>The sends the fan-out made itself, and the hidden copies it left on the urgent queue.</summary>
    private sealed class Firsts(QueueClient urgent)
    {
        private readonly List<string> sent = [];

        public Task SendAsync(DeliveryMessage message, CancellationToken cancellationToken)
        {
            lock (sent)
            {
                sent.Add(System.Text.Json.JsonSerializer.Serialize(message, QueueJson.Default.DeliveryMessage));
            }

            return Send();
        }

        /// <summary>What each send does once recorded: succeeds at once unless a test says otherwise.</summary>
        public Func<Task> Send { get; set; } = () => Task.CompletedTask;

        /// <summary>What was sent since the last call; each must have its copy, still hidden.</summary>
        public async Task<List<string>> TakeAsync()
        {
            List<string> taken;
            lock (sent)
            {
                taken = [.. sent];
                sent.Clear();
            }

            Assert.Empty((await urgent.PeekMessagesAsync(32)).Value);
            var copies = (await urgent.GetPropertiesAsync()).Value.ApproximateMessagesCount;
            Assert.Equal(taken.Count, copies - counted);
            counted = copies;
            return taken;
        }

        private int counted;
    }

    private static async Task<(FanOutService, AlertStore, FakeTimeProvider, Firsts)> SetUpAsync(int lawyers = 1)
    {
        var time = new FakeTimeProvider(Pressed);
        var options = Microsoft.Extensions.Options.Options.Create(new RapidResponseOptions { AdminKey = new string('k', 32), PublicBaseUrl = new Uri("https://rr.example.org") });
        var queues = new QueueServiceClient(await SharedAzurite.ConnectionStringAsync(), new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await queues.GetQueueClient(QueueNames.Deliveries).CreateIfNotExistsAsync();
        await queues.GetQueueClient(QueueNames.Escalations).CreateIfNotExistsAsync();
        var store = new AlertStore(await SharedAzurite.NewTableAsync("alerts"));
        var contacts = new ContactStore(await SharedAzurite.NewTableAsync("contacts"));
        await contacts.PutManyAsync(
            Enumerable.Range(1, lawyers).Select(i => new Contact($"c{i}", "KZ-SHY", $"Lawyer{i} N.", ContactRole.Lawyer, 1, TestData.Phone(), null, "ru", true)),
            CancellationToken.None);
        var pending = new PendingWork(await SharedAzurite.NewTableAsync("pending"), time);
        var planner = new DeliveryPlanner(store, new PhoneIndex(await SharedAzurite.NewTableAsync("phones"), new PhoneHasher(options)), new DeliveryQueue(queues), pending);
        var escalations = new EscalationScheduler(queues, new EscalationPolicyStore(await SharedAzurite.NewTableAsync("policies")), time);
        var urgent = queues.GetQueueClient("urgent" + Guid.NewGuid().ToString("N")[..12]);
        await urgent.CreateIfNotExistsAsync();
        var firsts = new Firsts(urgent);
        var sends = new FirstSends(new DeliveryQueue(queues.GetQueueClient(QueueNames.Deliveries), urgent), firsts.SendAsync, time, NullLogger<FirstSends>.Instance);
        return (new FanOutService(store, contacts, planner, escalations, pending, sends, time, NullLogger<FanOutService>.Instance), store, time, firsts);
    }
}
