using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RapidResponse.Security;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Security;

/// <summary>The organizer's allowances, against Azurite on a fake clock.</summary>
public sealed class ActionLimiterTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task FirstAction_AlwaysPasses_EvenWithTheSmallestBurst()
    {
        var limiter = Limiter(await SharedAzurite.NewTableAsync("limits"), burst: 1, perMinute: 0.1);

        Assert.Null(await limiter.TryTakeAsync("org1", LimitedAction.Press, CancellationToken.None));
        Assert.Null(await limiter.TryTakeAsync("org2", LimitedAction.Press, CancellationToken.None));
        Assert.Null(await limiter.TryTakeAsync("org1", LimitedAction.Update, CancellationToken.None));
    }

    [Fact]
    public async Task PastTheBurst_IsRefusedWithAWait_AndRefillsWithTime()
    {
        var limiter = Limiter(await SharedAzurite.NewTableAsync("limits"), burst: 3, perMinute: 2);
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(await limiter.TryTakeAsync("org1", LimitedAction.Update, CancellationToken.None));
        }

        Assert.Equal(TimeSpan.FromSeconds(30), await limiter.TryTakeAsync("org1", LimitedAction.Update, CancellationToken.None));
        Assert.Null(await limiter.TryTakeAsync("org2", LimitedAction.Update, CancellationToken.None));
        Assert.Null(await limiter.TryTakeAsync("org1", LimitedAction.Resolve, CancellationToken.None));

        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Null(await limiter.TryTakeAsync("org1", LimitedAction.Update, CancellationToken.None));
        Assert.NotNull(await limiter.TryTakeAsync("org1", LimitedAction.Update, CancellationToken.None));

        time.Advance(TimeSpan.FromHours(1));
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(await limiter.TryTakeAsync("org1", LimitedAction.Update, CancellationToken.None));
        }
    }

    [Fact]
    public async Task TheAllowance_HoldsAcrossARestartAndAnotherInstance()
    {
        var table = await SharedAzurite.NewTableAsync("limits");
        var first = Limiter(table, burst: 3, perMinute: 2);
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(await first.TryTakeAsync("org1", LimitedAction.Press, CancellationToken.None));
        }

        // A restarted process, or a second instance, reads the same row: nothing refilled.
        var restarted = Limiter(table, burst: 3, perMinute: 2);
        Assert.Equal(TimeSpan.FromSeconds(30), await restarted.TryTakeAsync("org1", LimitedAction.Press, CancellationToken.None));
    }

    [Fact]
    public async Task ConcurrentRequests_OnTwoInstances_SpendEachTokenOnce()
    {
        var table = await SharedAzurite.NewTableAsync("limits");
        var instances = new[] { Limiter(table, burst: 10, perMinute: 0.1), Limiter(table, burst: 10, perMinute: 0.1) };

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            instances[i % 2].TryTakeAsync("org1", LimitedAction.Update, CancellationToken.None)));

        Assert.Equal(10, answers.Count(a => a is null));
    }

    private ActionLimiter Limiter(TableClient table, int burst, double perMinute) => new(
        table,
        Options.Create(new RapidResponseOptions
        {
            AdminKey = "admin-key-of-at-least-24-chars",
            PublicBaseUrl = new Uri("https://rr.example.org"),
            PressBurst = burst,
            PressesPerMinute = perMinute,
            UpdateBurst = burst,
            UpdatesPerMinute = perMinute,
            ResolveBurst = burst,
            ResolvesPerMinute = perMinute,
        }),
        time);
}
