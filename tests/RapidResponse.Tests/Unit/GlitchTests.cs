using RapidResponse.Bench.Glitches;

namespace RapidResponse.Tests.Unit;

/// <summary>
/// Our send settings against short glitches, on a fake clock: the send pipeline (<c>SendResilience</c>) and the
/// queue back-off (<c>RetryBackoff</c>) together make a glitch cost about its own length.
/// </summary>
public sealed class GlitchTests
{
    [Fact]
    public async Task SixSecondBurstOf503And429_LastRecipientIsReachedWithinThreeSecondsOfItsEnd()
    {
        var run = await GlitchSimulation.RunAsync(GlitchKind.Burst, TimeSpan.FromSeconds(6), recipients: 20, CancellationToken.None);

        Assert.Equal(20, run.Reached.Count);
        Assert.All(run.Reached, reached => Assert.True(reached >= TimeSpan.FromSeconds(6), $"reached at {reached} during the burst"));
        Assert.InRange(run.AfterTheGlitch, TimeSpan.Zero, TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task OnlyEachRecipientsFirstTryFails_EveryoneIsRetriedWithinTwoAndAHalfSeconds()
    {
        var run = await GlitchSimulation.RunAsync(GlitchKind.FirstAttemptOnly, TimeSpan.Zero, recipients: 20, CancellationToken.None);

        Assert.All(run.Reached, reached => Assert.InRange(reached, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2.5)));
    }

    [Fact]
    public async Task MinuteLongBurst_CostsLittleMoreThanAMinute_AndTheProviderIsNotHammered()
    {
        var run = await GlitchSimulation.RunAsync(GlitchKind.Burst, TimeSpan.FromSeconds(60), recipients: 20, CancellationToken.None);

        // The held sends' back-off can leave a gap after a long glitch, but never one as long as the glitch.
        Assert.InRange(run.Ratio, 1.0, 1.5);
        // 20 sends retrying every second would be 1,200 requests; the open circuit lets about one a second through.
        Assert.InRange(run.ProviderRequests, 20, 60 * 3 + 20);
    }
}
