namespace RapidResponse.Tests.Faults;

/// <summary>The host stops mid-fan-out and another takes over the same storage: every lawyer is alerted.</summary>
public sealed class HostRestartTests
{
    [Fact]
    public async Task HostStoppedMidSending_NextHostAlertsEveryone_NoneMoreThanOnceAgain()
    {
        await using var world = await FaultWorld.StartAsync(lawyers: 30);
        world.Host.StandIns.Latency = TimeSpan.FromMilliseconds(400);

        await world.PressAsync();
        while (world.AllSms.Count() < 3)
        {
            await Task.Delay(20);
        }

        await world.RestartHostAsync();

        await world.WaitUntilEveryLawyerHasAnSmsAsync(TimeSpan.FromMinutes(3));
        await Task.Delay(TimeSpan.FromSeconds(2));

        // A send cut off after it left may be repeated once (a duplicate is preferred over a loss); nothing more.
        Assert.All(world.Lawyers, phone => Assert.InRange(world.SmsTo(phone), 1, 2));
        Assert.Equal(0, await world.PoisonedAsync());
    }
}
