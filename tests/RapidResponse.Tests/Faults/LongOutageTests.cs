using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RapidResponse.Alerts;
using RapidResponse.Dispatch;
using RapidResponse.LocalHost.StandIns;
using Xunit.Abstractions;

namespace RapidResponse.Tests.Faults;

/// <summary>
/// Twilio is down for 10 and for 30 minutes, played on the real queue listener with the schedule compressed 30 times
/// (<c>RapidResponse:BackoffScale</c>: held sends back off 1/6 s to 10 s instead of 5 s to 5 minutes, sends retry
/// every 1/30 s): nothing is parked or lost, every lawyer gets the SMS once soon after the recovery, and the operator
/// is told exactly once when it starts and once when it ends.
/// </summary>
public sealed class LongOutageTests(ITestOutputHelper output)
{
    private const double Scale = 1.0 / 30;

    [Theory]
    [InlineData(10)]
    [InlineData(30)]
    public async Task TwilioOutage_OnTheRealListener_ParksNothing_ResumesSoonAfter_AndTellsTheOperatorOnceEachWay(int minutes)
    {
        await using var world = await FaultWorld.StartAsync(
            lawyers: 5, new Dictionary<string, string?> { ["RapidResponse:BackoffScale"] = Scale.ToString(CultureInfo.InvariantCulture) });
        var length = TimeSpan.FromMinutes(minutes) * Scale;
        var outage = Stopwatch.StartNew();
        var down = true;
        var refused = 0;
        world.Host.StandIns.Fault = provider =>
        {
            if (provider != "twilio" || !Volatile.Read(ref down))
            {
                return null;
            }

            Interlocked.Increment(ref refused);
            return new StandInFault(503);
        };

        var alertId = await world.PressAsync();
        if (length - outage.Elapsed is { } left && left > TimeSpan.Zero)
        {
            await Task.Delay(left);
        }

        var alerts = world.Host.Services.GetRequiredService<AlertStore>();
        var held = await alerts.ListDeliveriesAsync(alertId, CancellationToken.None);
        Assert.Empty(world.AllSms);
        // Held (or being tried again just now), never failed for good.
        Assert.All(held, d => Assert.Contains(d.State, new[] { DeliveryState.Pending, DeliveryState.Sending }));
        Assert.Equal(0, await world.PoisonedAsync());
        Assert.Contains("refusing sends", Assert.Single(world.OperatorEmails).Subject, StringComparison.Ordinal);

        // Checked while still down (a loaded machine may take a while), then the provider comes back.
        Volatile.Write(ref down, false);
        var lasted = outage.Elapsed;
        var recovery = Stopwatch.StartNew();
        // Bounded by the watchdog's sweep (every 10 s, not compressed) and the held sends' longest wait (10 s here).
        await world.WaitUntilEveryLawyerHasAnSmsAsync(TimeSpan.FromSeconds(20));
        var resumed = recovery.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.All(world.Lawyers, phone => Assert.Equal(1, world.SmsTo(phone)));
        Assert.Equal(0, await world.PoisonedAsync());
        Assert.Equal(2, world.OperatorEmails.Count());
        Assert.Contains("sending again", world.OperatorEmails.Last().Subject, StringComparison.Ordinal);
        // The open circuit spares the provider: 5 sends retrying every 1/30 s would be 150 requests a second.
        Assert.True(refused < lasted.TotalSeconds * 60, $"{refused} requests refused in {lasted}");
        output.WriteLine(
            $"{minutes} min outage in {lasted.TotalSeconds:0} s: every lawyer reached {resumed.TotalSeconds:0.0} s after the recovery; " +
            $"failures per send {held.Min(d => d.Failures)}–{held.Max(d => d.Failures)}, longest hold {held.Max(d => d.RetryAt - d.History[^1].At)}; " +
            $"{refused} requests refused; operator emails {world.OperatorEmails.Count()}");
    }
}
