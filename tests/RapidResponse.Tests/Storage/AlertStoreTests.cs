using RapidResponse.Alerts;
using RapidResponse.Contacts;
using RapidResponse.Dispatch;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Storage;

public sealed class AlertStoreTests
{
    internal static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 5, 0, TimeSpan.Zero);

    [Fact]
    public async Task Read_ReturnsTheAlertItsDeliveriesAndTimeline_FromOnePartition()
    {
        var store = new AlertStore(await SharedAzurite.NewTableAsync("alerts"));
        var alert = Alert("a1");
        await store.CreateAsync(alert, new TimelineEntry(Now, "accepted", "Alert accepted"), CancellationToken.None);
        var deliveries = Enumerable.Range(0, 230).Select(i => Delivery("a1", $"KZ|c{i:D3}|sms")).ToList();

        await store.AddDeliveriesAsync(deliveries, CancellationToken.None);
        await store.AppendTimelineAsync("a1", new TimelineEntry(Now.AddSeconds(1), "fan-out", "Alerting 230"), CancellationToken.None);

        var record = await store.ReadAsync("a1", CancellationToken.None);
        Assert.NotNull(record);
        Assert.Equal(alert with { People = [] }, record.Alert with { People = [], Version = null });
        Assert.NotNull(record.Alert.Version);
        Assert.Equal(alert.People, record.Alert.People);
        Assert.Equal(230, record.Deliveries.Count);
        var stored = record.Deliveries.Single(d => d.Id == deliveries[7].Id);
        Assert.Equal(deliveries[7] with { History = [] }, stored with { History = [], Version = null });
        Assert.Equal(deliveries[7].History, stored.History);
        Assert.Equal(["accepted", "fan-out"], record.Timeline.Select(t => t.Kind));
        Assert.Equal(230, (await store.ListDeliveriesAsync("a1", CancellationToken.None)).Count);
    }

    [Fact]
    public async Task TryUpdateDelivery_OverAStaleVersion_ChangesNothing()
    {
        var store = new AlertStore(await SharedAzurite.NewTableAsync("alerts"));
        await store.AddDeliveriesAsync([Delivery("a2", "KZ|c1|sms")], CancellationToken.None);
        var read = (await store.GetDeliveryAsync("a2", "KZ|c1|sms", CancellationToken.None))!;

        var first = await store.TryUpdateDeliveryAsync(read.MoveTo(DeliveryState.Sending, Now), CancellationToken.None);
        var second = await store.TryUpdateDeliveryAsync(read.MoveTo(DeliveryState.Sending, Now), CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal(DeliveryState.Sending, (await store.GetDeliveryAsync("a2", "KZ|c1|sms", CancellationToken.None))!.State);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("bad/key")]
    [InlineData("")]
    public async Task Get_UnknownOrInvalidId_IsNull(string alertId)
    {
        var store = new AlertStore(await SharedAzurite.NewTableAsync("alerts"));

        Assert.Null(await store.GetAsync(alertId, CancellationToken.None));
        Assert.Null(await store.ReadAsync(alertId, CancellationToken.None));
    }

    internal static Alert Alert(string id) => new(
        id, "org1", "KZ-SHY", Incident.Detention, new Location(42.3417, 69.5901, 30, "Community centre"), "Police took both",
        [new Person("Zhanar S.", "co-founder", true), new Person("Gulzada S.", null, false)], "Workshop", Now, Now, Silent: false);

    internal static Delivery Delivery(string alertId, string id) => new(
        alertId, id, "c1", "KZ", "Aigerim N.", ContactRole.Lawyer, Channel.Sms, "+77011234567", "ru",
        DeliveryState.Pending, 0, null, null, Now, null, [new DeliveryStep(DeliveryState.Pending, Now)]);
}
