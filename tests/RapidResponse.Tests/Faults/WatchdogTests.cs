using System.Diagnostics;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;

namespace RapidResponse.Tests.Faults;

/// <summary>
/// On Azure, a queue message held by an instance that dies stays invisible for 10 minutes (the listener's receive
/// visibility). The watchdog must not let an alert wait for it.
/// </summary>
public sealed class WatchdogTests
{
    [Fact]
    public async Task InstanceDiesHoldingTheAlertsMessageForTenMinutes_EveryLawyerIsReachedWithinNinetySeconds()
    {
        await using var world = await FaultWorld.StartAsync(lawyers: 6);
        var pressed = Stopwatch.StartNew();

        var (_, held) = await world.PressOnAnInstanceThatDiesHoldingTheMessageAsync();

        await world.WaitUntilEveryLawyerHasAnSmsAsync(TimeSpan.FromSeconds(90) - pressed.Elapsed);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.All(world.Lawyers, phone => Assert.Equal(1, world.SmsTo(phone)));

        // The message the dead instance took is still invisible and still its: the watchdog, not a redelivery, did it.
        var alerts = world.Host.Services.GetRequiredService<QueueServiceClient>().GetQueueClient("alerts");
        await alerts.UpdateMessageAsync(held.MessageId, held.PopReceipt, visibilityTimeout: TimeSpan.FromMinutes(10));
        Assert.Equal(0, await world.PoisonedAsync());
    }
}
