using System.Diagnostics;
using RapidResponse.LocalHost.StandIns;

namespace RapidResponse.Tests.Faults;

/// <summary>Twilio answers with a burst of 500, 503 and 429, then recovers: every lawyer gets the SMS exactly once.</summary>
public sealed class ProviderErrorBurstTests
{
    [Fact]
    public async Task BurstOf500_503_429_ThenRecovery_SendsEveryRecipientExactlyOnce()
    {
        await using var world = await FaultWorld.StartAsync(lawyers: 8);
        // The burst starts with the first send and lasts 5 s from there, however long a loaded machine takes to fan out.
        var burst = new Lazy<Stopwatch>(Stopwatch.StartNew, LazyThreadSafetyMode.ExecutionAndPublication);
        var faults = 0;
        StandInFault[] kinds = [new(503), new(429, RetryAfterSeconds: 1), new(500)];
        world.Host.StandIns.Fault = provider =>
            provider == "twilio" && burst.Value.Elapsed < TimeSpan.FromSeconds(5) ? kinds[Interlocked.Increment(ref faults) % kinds.Length] : null;

        await world.PressAsync();

        await world.WaitUntilEveryLawyerHasAnSmsAsync(TimeSpan.FromSeconds(90));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.True(faults >= world.Lawyers.Count, $"the burst hit the sends ({faults} faults)");
        Assert.All(world.Lawyers, phone => Assert.Equal(1, world.SmsTo(phone)));
        Assert.Equal(0, await world.PoisonedAsync());
    }
}
