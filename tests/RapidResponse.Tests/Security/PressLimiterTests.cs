using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RapidResponse.Alerts;

namespace RapidResponse.Tests.Security;

public sealed class PressLimiterTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void FirstPress_AlwaysPasses_EvenWithTheSmallestBurst()
    {
        var limiter = Limiter(burst: 1, perMinute: 0.1);

        Assert.Null(limiter.TryTake("org1"));
        Assert.Null(limiter.TryTake("org2"));
    }

    [Fact]
    public void PastTheBurst_IsRefusedWithAWait_AndRefillsWithTime()
    {
        var limiter = Limiter(burst: 3, perMinute: 2);
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(limiter.TryTake("org1"));
        }

        Assert.Equal(TimeSpan.FromSeconds(30), limiter.TryTake("org1"));
        Assert.Null(limiter.TryTake("org2"));

        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Null(limiter.TryTake("org1"));
        Assert.NotNull(limiter.TryTake("org1"));

        time.Advance(TimeSpan.FromHours(1));
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(limiter.TryTake("org1"));
        }
    }

    private PressLimiter Limiter(int burst, double perMinute) => new(
        Options.Create(new RapidResponseOptions
        {
            AdminKey = "admin-key-of-at-least-24-chars",
            PublicBaseUrl = new Uri("https://rr.example.org"),
            PressBurst = burst,
            PressesPerMinute = perMinute,
        }),
        time);
}
