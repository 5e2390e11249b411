using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RapidResponse.Alerts;
using RapidResponse.Dispatch;
using RapidResponse.LocalHost.StandIns;

namespace RapidResponse.Tests.Faults;

/// <summary>
/// Twilio takes each first request and drops the connection before answering: the send's outcome is unknown. The
/// retry looks the message up in Twilio's Messages list instead of sending it again.
/// </summary>
public sealed class DroppedConnectionTests
{
    [Fact]
    public async Task ProviderTakesTheRequestAndDropsTheConnection_EachLawyerGetsOneSms()
    {
        await using var world = await FaultWorld.StartAsync(lawyers: 5);
        var dropping = Stopwatch.StartNew();
        world.Host.StandIns.Fault = provider => provider == "twilio" && dropping.Elapsed < TimeSpan.FromSeconds(4) ? StandInFault.DropConnection : null;

        var alertId = await world.PressAsync();
        await world.WaitUntilEveryLawyerHasAnSmsAsync(TimeSpan.FromSeconds(30));

        // Every delivery ends up recorded as sent (with the SID Twilio listed), after one retry each.
        var alerts = world.Host.Services.GetRequiredService<AlertStore>();
        var waited = Stopwatch.StartNew();
        IReadOnlyList<Delivery> deliveries;
        while (!((deliveries = await alerts.ListDeliveriesAsync(alertId, CancellationToken.None)) is { } rows
                 && rows.Count == world.Lawyers.Count && rows.All(d => d.State == DeliveryState.Sent)))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "Not every delivery was recorded as sent within 60 s.");
            await Task.Delay(200);
        }

        Assert.All(deliveries, d => Assert.True(d.Attempts >= 2, $"{d.Id} was sent at the first attempt: the connection was not dropped."));
        Assert.All(deliveries, d => Assert.Contains(world.AllSms, s => s.Sid == d.ProviderId));
        Assert.All(world.Lawyers, phone => Assert.Equal(1, world.SmsTo(phone)));
        Assert.Equal(0, await world.PoisonedAsync());
    }
}
