using System.Diagnostics;
using RapidResponse.LocalHost.StandIns;

namespace RapidResponse.Tests.Faults;

/// <summary>Twilio is down for a whole minute: nothing is lost, nothing poisoned, everything goes out after.</summary>
public sealed class OutageTests
{
    [Fact]
    public async Task SixtySecondOutage_PoisonsNothing_AndAllIsSentWithinTwoMinutesOfRecovery()
    {
        await using var world = await FaultWorld.StartAsync(lawyers: 5);
        var outage = Stopwatch.StartNew();
        world.Host.StandIns.Fault = provider => provider == "twilio" && outage.Elapsed < TimeSpan.FromSeconds(60) ? new StandInFault(503) : null;

        await world.PressAsync();
        await Task.Delay(TimeSpan.FromSeconds(60) - outage.Elapsed);
        Assert.Empty(world.AllSms);

        var recovery = Stopwatch.StartNew();
        await world.WaitUntilEveryLawyerHasAnSmsAsync(TimeSpan.FromMinutes(2));
        Assert.True(recovery.Elapsed < TimeSpan.FromMinutes(2));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.All(world.Lawyers, phone => Assert.Equal(1, world.SmsTo(phone)));
        Assert.Equal(0, await world.PoisonedAsync());
    }
}
