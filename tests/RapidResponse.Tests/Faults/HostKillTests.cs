namespace RapidResponse.Tests.Faults;

/// <summary>
/// An instance is killed outright in the middle of a fan-out (no shutdown: its queue leases and half-made sends
/// are left as they are); the other instance on the same storage alerts everyone.
/// </summary>
public sealed class HostKillTests
{
    [Fact]
    public async Task InstanceKilledMidSending_TheOtherAlertsEveryone_NoneMoreThanTwice()
    {
        await using var world = await FaultWorld.StartAsync(lawyers: 30);
        world.Host.StandIns.Latency = TimeSpan.FromMilliseconds(400);
        using var doomed = await world.StartHostProcessAsync();

        await world.PressAsync(through: doomed.BaseUrl);
        while (world.AllSms.Count() < 3)
        {
            await Task.Delay(20);
        }

        doomed.Kill();

        await world.WaitUntilEveryLawyerHasAnSmsAsync(TimeSpan.FromMinutes(3));
        await Task.Delay(TimeSpan.FromSeconds(2));

        // A send cut off after it left may be repeated once (a duplicate is preferred over a loss); nothing more.
        Assert.All(world.Lawyers, phone => Assert.InRange(world.SmsTo(phone), 1, 2));
        Assert.Equal(0, await world.PoisonedAsync());
    }
}
