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
        var (fanOut, store, time) = await SetUpAsync();
        var alert = AlertStoreTests.Alert(Ids.NewId(time)) with { CreatedAt = Pressed };

        var fanning = fanOut.FanOutAsync(new AlertMessage(alert.Id, null), CancellationToken.None);
        await Task.Delay(50);
        await store.CreateAsync(alert, new TimelineEntry(Pressed, "accepted", "Alert accepted"), CancellationToken.None);

        var messages = await fanning;
        Assert.Single(messages);
        Assert.Single(await store.ListDeliveriesAsync(alert.Id, CancellationToken.None));
    }

    [Fact]
    public async Task AMissingRow_IsRetriedWhileAPressCouldStillLand_ThenTheMessageEndsWithNothingSent()
    {
        var (fanOut, store, time) = await SetUpAsync();
        var alertId = Ids.NewId(time);

        await Assert.ThrowsAsync<InvalidOperationException>(() => fanOut.FanOutAsync(new AlertMessage(alertId, null), CancellationToken.None));

        time.Advance(FanOutService.NeverAcceptedAfter + TimeSpan.FromSeconds(1));
        Assert.Empty(await fanOut.FanOutAsync(new AlertMessage(alertId, null), CancellationToken.None));
        Assert.Empty(await store.ListDeliveriesAsync(alertId, CancellationToken.None));
    }

    [Fact]
    public async Task ARetriedFanOut_AddsNothing_AndReissuesOnlyWhatIsUnsent()
    {
        var (fanOut, store, time) = await SetUpAsync(lawyers: 3);
        var alert = AlertStoreTests.Alert(Ids.NewId(time)) with { CreatedAt = Pressed };
        await store.CreateAsync(alert, new TimelineEntry(Pressed, "accepted", "Alert accepted"), CancellationToken.None);

        Assert.Equal(3, (await fanOut.FanOutAsync(new AlertMessage(alert.Id, null), CancellationToken.None)).Length);
        var sent = (await store.ListDeliveriesAsync(alert.Id, CancellationToken.None))[0];
        await store.TryUpdateDeliveryAsync(sent.MoveTo(DeliveryState.Sent, Pressed), CancellationToken.None);

        var again = await fanOut.FanOutAsync(new AlertMessage(alert.Id, null), CancellationToken.None);

        Assert.Equal(2, again.Length);
        Assert.DoesNotContain(again, m => m.Contains(sent.Id, StringComparison.Ordinal));
        Assert.Equal(3, (await store.ListDeliveriesAsync(alert.Id, CancellationToken.None)).Count);
        var record = await store.ReadAsync(alert.Id, CancellationToken.None);
        Assert.Single(record!.Timeline, t => t.Kind == "fan-out");
    }

    [Fact]
    public void Ids_TellWhenTheyWereMade()
    {
        var time = new FakeTimeProvider(Pressed);

        Assert.Equal(Pressed, Ids.CreatedAt(Ids.NewId(time)));
        Assert.Null(Ids.CreatedAt("not-an-id"));
        Assert.Null(Ids.CreatedAt(Guid.NewGuid().ToString("N")));
    }

    private static async Task<(FanOutService, AlertStore, FakeTimeProvider)> SetUpAsync(int lawyers = 1)
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
        return (new FanOutService(store, contacts, planner, escalations, pending, time, NullLogger<FanOutService>.Instance), store, time);
    }
}
