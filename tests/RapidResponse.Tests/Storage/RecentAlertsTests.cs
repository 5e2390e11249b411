using Microsoft.Extensions.Time.Testing;
using RapidResponse.Alerts;
using RapidResponse.Dispatch;
using RapidResponse.Responses;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Storage;

/// <summary>The sends' alert reads against Table Storage: shared for a second, never older than the delivery asking.</summary>
public sealed class RecentAlertsTests
{
    private static readonly DateTimeOffset Made = new(2026, 11, 24, 10, 5, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Made);

    [Fact]
    public async Task AReadServesTheFanOutsSendsForASecond_ButADeliveryMadeAfterAChangeSeesIt()
    {
        var table = await SharedAzurite.NewTableAsync("alerts");
        var alerts = new AlertStore(table);
        await alerts.CreateAsync(AlertStoreTests.Alert("a1") with { CreatedAt = Made }, new TimelineEntry(Made, "accepted", "Alert accepted"), CancellationToken.None);
        var recent = new RecentAlerts(alerts, time);
        var fannedOut = AlertStoreTests.Delivery("a1", "KZ|c1|sms") with { CreatedAt = Made };

        time.Advance(TimeSpan.FromMilliseconds(300));
        Assert.Equal(AlertStatus.Open, (await recent.GetAsync(fannedOut, CancellationToken.None))!.Status);
        await new ResponseStore(table).MarkResolvedAsync("a1", time.GetUtcNow(), CancellationToken.None);

        // The fan-out's next send, within the second: the read it shares is from before the change.
        time.Advance(TimeSpan.FromMilliseconds(400));
        Assert.Equal(AlertStatus.Open, (await recent.GetAsync(fannedOut, CancellationToken.None))!.Status);

        // A delivery made after the change (its follow-up) never gets a read from before it was made.
        var madeAfter = fannedOut with { Id = "KZ|c1|sms|followup-1", CreatedAt = time.GetUtcNow() };
        Assert.Equal(AlertStatus.Resolved, (await recent.GetAsync(madeAfter, CancellationToken.None))!.Status);

        // And a second on, the fan-out's sends read again.
        time.Advance(RecentAlerts.MaxAge);
        Assert.Equal(AlertStatus.Resolved, (await recent.GetAsync(fannedOut, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task AMissingAlert_IsNotRemembered()
    {
        var table = await SharedAzurite.NewTableAsync("alerts");
        var alerts = new AlertStore(table);
        var recent = new RecentAlerts(alerts, time);
        var delivery = AlertStoreTests.Delivery("a1", "KZ|c1|sms") with { CreatedAt = Made };
        time.Advance(TimeSpan.FromMilliseconds(300));

        Assert.Null(await recent.GetAsync(delivery, CancellationToken.None));
        await alerts.CreateAsync(AlertStoreTests.Alert("a1") with { CreatedAt = Made }, new TimelineEntry(Made, "accepted", "Alert accepted"), CancellationToken.None);

        Assert.NotNull(await recent.GetAsync(delivery, CancellationToken.None));
    }
}
