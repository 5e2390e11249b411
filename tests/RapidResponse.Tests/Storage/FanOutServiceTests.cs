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
        var (fanOut, store, time, urgent) = await SetUpAsync();
        var alert = AlertStoreTests.Alert(Ids.NewId(time)) with { CreatedAt = Pressed };

        var fanning = fanOut.FanOutAsync(new AlertMessage(alert.Id, null), CancellationToken.None);
        await Task.Delay(50);
        await store.CreateAsync(alert, new TimelineEntry(Pressed, "accepted", "Alert accepted"), CancellationToken.None);

        var messages = await fanning;
        Assert.Empty(messages);
        Assert.Single(await DrainAsync(urgent));
        Assert.Single(await store.ListDeliveriesAsync(alert.Id, CancellationToken.None));
    }

    [Fact]
    public async Task AMissingRow_IsRetriedWhileAPressCouldStillLand_ThenTheMessageEndsWithNothingSent()
    {
        var (fanOut, store, time, urgent) = await SetUpAsync();
        var alertId = Ids.NewId(time);

        await Assert.ThrowsAsync<InvalidOperationException>(() => fanOut.FanOutAsync(new AlertMessage(alertId, null), CancellationToken.None));

        time.Advance(FanOutService.NeverAcceptedAfter + TimeSpan.FromSeconds(1));
        Assert.Empty(await fanOut.FanOutAsync(new AlertMessage(alertId, null), CancellationToken.None));
        Assert.Empty(await store.ListDeliveriesAsync(alertId, CancellationToken.None));
        Assert.Empty(await DrainAsync(urgent));
    }

    [Fact]
    public async Task ARetriedFanOut_AddsNothing_AndReissuesOnlyWhatIsUnsent()
    {
        var (fanOut, store, time, urgent) = await SetUpAsync(lawyers: 5);
        var alert = AlertStoreTests.Alert(Ids.NewId(time)) with { CreatedAt = Pressed };
        await store.CreateAsync(alert, new TimelineEntry(Pressed, "accepted", "Alert accepted"), CancellationToken.None);

        Assert.Equal(5, (await fanOut.FanOutAsync(new AlertMessage(alert.Id, null), CancellationToken.None)).Length + (await DrainAsync(urgent)).Count);
        var sent = (await store.ListDeliveriesAsync(alert.Id, CancellationToken.None))[0];
        await store.TryUpdateDeliveryAsync(sent.MoveTo(DeliveryState.Sent, Pressed), CancellationToken.None);

        var again = (await fanOut.FanOutAsync(new AlertMessage(alert.Id, null), CancellationToken.None)).Concat(await DrainAsync(urgent)).ToList();

        Assert.Equal(4, again.Count);
        Assert.DoesNotContain(again, m => m.Contains(sent.Id, StringComparison.Ordinal));
        Assert.Equal(5, (await store.ListDeliveriesAsync(alert.Id, CancellationToken.None)).Count);
        var record = await store.ReadAsync(alert.Id, CancellationToken.None);
        Assert.Single(record!.Timeline, t => t.Kind == "fan-out");
    }

    [Fact]
    public async Task AnAlertsFirstLawyersSms_GoOnTheUrgentQueue_TheRestAreHandedBackForDeliveries()
    {
        var (fanOut, store, time, urgent) = await SetUpAsync(lawyers: 7);
        var alert = AlertStoreTests.Alert(Ids.NewId(time)) with { CreatedAt = Pressed };
        await store.CreateAsync(alert, new TimelineEntry(Pressed, "accepted", "Alert accepted"), CancellationToken.None);

        var rest = await fanOut.FanOutAsync(new AlertMessage(alert.Id, null), CancellationToken.None);
        var first = await DrainAsync(urgent);

        Assert.Equal(FanOutService.UrgentPerAlert, first.Count);
        Assert.Equal(7 - FanOutService.UrgentPerAlert, rest.Length);
        var ids = first.Concat(rest).Select(m => System.Text.Json.JsonDocument.Parse(m).RootElement.GetProperty("deliveryId").GetString()).ToList();
        Assert.Equal(7, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Ids_TellWhenTheyWereMade()
    {
        var time = new FakeTimeProvider(Pressed);

        Assert.Equal(Pressed, Ids.CreatedAt(Ids.NewId(time)));
        Assert.Null(Ids.CreatedAt("not-an-id"));
        Assert.Null(Ids.CreatedAt(Guid.NewGuid().ToString("N")));
    }

    private static async Task<List<string>> DrainAsync(QueueClient queue)
    {
        var bodies = new List<string>();
        while ((await queue.ReceiveMessagesAsync(32)).Value is { Length: > 0 } batch)
        {
            bodies.AddRange(batch.Select(m => m.Body.ToString()));
            await Task.WhenAll(batch.Select(m => queue.DeleteMessageAsync(m.MessageId, m.PopReceipt)));
        }

        return bodies;
    }

    private static async Task<(FanOutService, AlertStore, FakeTimeProvider, QueueClient)> SetUpAsync(int lawyers = 1)
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
        var queue = new DeliveryQueue(queues.GetQueueClient(QueueNames.Deliveries), urgent);
        return (new FanOutService(store, contacts, planner, escalations, pending, queue, time, NullLogger<FanOutService>.Instance), store, time, urgent);
    }
}
