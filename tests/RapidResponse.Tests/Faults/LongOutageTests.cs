using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RapidResponse.Alerts;
using RapidResponse.Dispatch;
using RapidResponse.LocalHost.StandIns;
using Xunit.Abstractions;

namespace RapidResponse.Tests.Faults;

/// <summary>
/// Twilio, SendGrid or both are down for 10 or 30 minutes, played on the real queue listener with the schedule
/// compressed 30 times (<c>RapidResponse:BackoffScale</c>: held sends back off 1/6 s to 10 s instead of 5 s to 5
/// minutes, sends retry every 1/30 s). Lawyers have a phone only, NGOs an email only. Nothing is parked or lost:
/// whoever the working provider reaches is reached at once, the others once soon after the recovery. The operator
/// (phone and email) is told once when it starts, on the other provider's channel, and once when it ends. When both
/// are down no channel can carry the start notice: it is not sent late, the recovery notices (which say how long
/// the outage lasted) are the operator's news, and <c>/api/health</c> shows both down meanwhile.
/// </summary>
public sealed class LongOutageTests(ITestOutputHelper output)
{
    private const double Scale = 1.0 / 30;

    [Theory]
    [InlineData("twilio", 10)]
    [InlineData("twilio", 30)]
    [InlineData("sendgrid", 30)]
    [InlineData("twilio,sendgrid", 30)]
    public async Task ProviderOutage_OnTheRealListener_ParksNothing_ResumesSoonAfter_AndTellsTheOperatorOnceEachWay(string providers, int minutes)
    {
        var outOf = providers.Split(',');
        var smsDown = outOf.Contains("twilio");
        var emailDown = outOf.Contains("sendgrid");
        await using var world = await FaultWorld.StartAsync(
            lawyers: 5,
            new Dictionary<string, string?>
            {
                ["RapidResponse:BackoffScale"] = Scale.ToString(CultureInfo.InvariantCulture),
                ["RapidResponse:OperatorPhone"] = FaultWorld.OperatorPhone,
            },
            ngos: 3);
        var length = TimeSpan.FromMinutes(minutes) * Scale;
        var outage = Stopwatch.StartNew();
        var down = true;
        var refused = 0;
        world.Host.StandIns.Fault = provider =>
        {
            if (!outOf.Contains(provider) || !Volatile.Read(ref down))
            {
                return null;
            }

            Interlocked.Increment(ref refused);
            return new StandInFault(503);
        };

        var alertId = await world.PressAsync();
        // Whoever the working provider reaches is reached during the outage, not after it.
        await world.WaitUntilEveryoneIsReachedAsync(length, lawyers: !smsDown, ngos: !emailDown);
        if (length - outage.Elapsed is { } left && left > TimeSpan.Zero)
        {
            await Task.Delay(left);
        }

        var alerts = world.Host.Services.GetRequiredService<AlertStore>();
        var held = (await alerts.ListDeliveriesAsync(alertId, CancellationToken.None))
            .Where(d => outOf.Contains(DeliveryService.ProviderOf(d.Channel))).ToList();
        Assert.Equal((smsDown ? world.Lawyers.Count : 0) + (emailDown ? world.Ngos.Count : 0), held.Count);
        Assert.All(world.Lawyers, phone => Assert.Equal(smsDown ? 0 : 1, world.SmsTo(phone)));
        Assert.All(world.Ngos, address => Assert.Equal(emailDown ? 0 : 1, world.EmailsTo(address)));
        // Held (or being tried again just now), never failed for good.
        Assert.All(held, d => Assert.Contains(d.State, new[] { DeliveryState.Pending, DeliveryState.Sending }));
        Assert.Equal(0, await world.PoisonedAsync());
        Assert.Equal(outOf.Order(StringComparer.Ordinal), (await world.HealthAsync())["providersDown"]!.AsArray().Select(p => p!.GetValue<string>()));
        var told = OperatorNotices(world);
        Assert.Equal(outOf.Length == 1 ? [$"{outOf[0]} is refusing sends"] : Array.Empty<string>(), told.Select(n => n.Subject));

        // Checked while still down (a loaded machine may take a while), then the provider comes back.
        Volatile.Write(ref down, false);
        var lasted = outage.Elapsed;
        var recovery = Stopwatch.StartNew();
        // Bounded by the watchdog's sweep (every 10 s, not compressed) and the held sends' longest wait (10 s here).
        await world.WaitUntilEveryoneIsReachedAsync(TimeSpan.FromSeconds(20));
        var resumed = recovery.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.All(world.Lawyers, phone => Assert.Equal(1, world.SmsTo(phone)));
        Assert.All(world.Ngos, address => Assert.Equal(1, world.EmailsTo(address)));
        Assert.Equal(0, await world.PoisonedAsync());
        told = OperatorNotices(world);
        // Once each way per provider out (the start notice only when the other provider could carry it); a recovery
        // notice goes to each operator channel whose provider takes it, never twice to one.
        var expected = outOf.Select(p => $"{p} is sending again").Concat(outOf.Length == 1 ? [$"{outOf[0]} is refusing sends"] : []);
        Assert.Equal(expected.Order(StringComparer.Ordinal), told.Select(n => n.Subject).Order(StringComparer.Ordinal));
        // The start notice on the one channel not through the provider out; the end on both, unless the other provider
        // was out too (then its channel may still be held back by its circuit).
        Assert.All(told, n => Assert.InRange(
            n.Channels,
            n.Subject.EndsWith("refusing sends", StringComparison.Ordinal) || outOf.Length > 1 ? 1 : 2,
            n.Subject.EndsWith("refusing sends", StringComparison.Ordinal) ? 1 : 2));
        Assert.All(OperatorMessages(world).GroupBy(m => m).Where(g => g.Count() > 1), g => Assert.Fail($"The operator got '{g.Key}' twice"));
        // The open circuit spares the provider: 8 sends retrying every 1/30 s would be 240 requests a second.
        Assert.True(refused < lasted.TotalSeconds * 60 * outOf.Length, $"{refused} requests refused in {lasted}");
        output.WriteLine(
            $"{providers} {minutes} min outage in {lasted.TotalSeconds:0} s: everyone reached {resumed.TotalSeconds:0.0} s after the recovery; " +
            $"failures per held send {held.Min(d => d.Failures)}–{held.Max(d => d.Failures)}, longest hold {held.Max(d => d.RetryAt - d.History[^1].At)}; " +
            $"{refused} requests refused; operator notices {string.Join(", ", told.Select(n => $"'{n.Subject}' ×{n.Channels}"))}");
    }

    /// <summary>Each notice the operator got (by subject) and on how many channels.</summary>
    private static List<(string Subject, int Channels)> OperatorNotices(FaultWorld world) =>
        OperatorMessages(world).GroupBy(m => m.Subject, StringComparer.Ordinal).Select(g => (g.Key, g.Count())).ToList();

    /// <summary>Every message the operator got: the channel and the notice's subject (its text after "RapidResponse operator: ").</summary>
    private static IEnumerable<(string Channel, string Subject)> OperatorMessages(FaultWorld world) =>
        world.OperatorEmails.Select(e => ("email", Subject(e.Subject ?? "")))
            .Concat(world.OperatorSms.Select(s => ("sms", Subject(s.Body))));

    private static string Subject(string text) => text.Replace("RapidResponse operator: ", "", StringComparison.Ordinal).Split('.')[0];
}
