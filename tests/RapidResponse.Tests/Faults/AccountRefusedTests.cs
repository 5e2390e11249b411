using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RapidResponse.Alerts;
using RapidResponse.Dispatch;
using RapidResponse.LocalHost.StandIns;

namespace RapidResponse.Tests.Faults;

/// <summary>
/// Twilio answers 401 to every send (a rotated token): an outage of our account, not a failure of each lawyer.
/// Nothing is failed for good, the operator is told once by email, /api/health says degraded, and every lawyer
/// gets the SMS once the account works again.
/// </summary>
public sealed class AccountRefusedTests
{
    [Fact]
    public async Task Twilio401_IsAnOutage_RetriedAndReportedOnce_ThenEveryoneIsReached()
    {
        await using var world = await FaultWorld.StartAsync(lawyers: 4);
        var refusing = true;
        world.Host.StandIns.Fault = provider => provider == "twilio" && refusing ? new StandInFault(401) : null;

        var alertId = await world.PressAsync();
        var waited = Stopwatch.StartNew();
        while ((await world.HealthAsync())["status"]!.GetValue<string>() != "degraded")
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "/api/health never said degraded.");
            await Task.Delay(200);
        }

        Assert.Equal("twilio", Assert.Single((await world.HealthAsync())["providersDown"]!.AsArray())!.GetValue<string>());

        // Retried through the queue meanwhile (10 s apart), and still one notice.
        await Task.Delay(TimeSpan.FromSeconds(12));
        var alerts = world.Host.Services.GetRequiredService<AlertStore>();
        var held = await alerts.ListDeliveriesAsync(alertId, CancellationToken.None);
        // Held, never failed: between tries a delivery waits as Pending; a try under way shows Sending.
        Assert.All(held, d => Assert.Contains(d.State, new[] { DeliveryState.Pending, DeliveryState.Sending }));
        Assert.Contains(held, d => d.Attempts >= 2);
        Assert.Single(world.OperatorEmails);
        Assert.Empty(world.AllSms);

        refusing = false;
        await world.WaitUntilEveryLawyerHasAnSmsAsync(TimeSpan.FromSeconds(60));
        Assert.All(await alerts.ListDeliveriesAsync(alertId, CancellationToken.None), d => Assert.Equal(DeliveryState.Sent, d.State));
        Assert.Equal("healthy", (await world.HealthAsync())["status"]!.GetValue<string>());
        Assert.Equal(2, world.OperatorEmails.Count());
        Assert.Equal(0, await world.PoisonedAsync());
    }
}
