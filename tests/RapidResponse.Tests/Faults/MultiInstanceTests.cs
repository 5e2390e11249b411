using System.Diagnostics;
using System.Net;
using RapidResponse.LocalHost.Hosting;
using Xunit.Abstractions;

namespace RapidResponse.Tests.Faults;

/// <summary>
/// Three local-host processes of the same build on one storage account and one set of stand-ins, as Azure Functions
/// scales out: a storm of alerts, an instance killed outright and another started meanwhile, and the same press or
/// acknowledgement arriving at several instances.
/// </summary>
public sealed class MultiInstanceTests(InstancesWorld world, ITestOutputHelper output) : IClassFixture<InstancesWorld>
{
    [Fact]
    public async Task AStormOfFortyAlertsOverThreeInstances_OneKilledAndOneStarted_ReachesEveryRecipientOnce()
    {
        world.StandIns.Latency = TimeSpan.FromMilliseconds(50);
        var clock = Stopwatch.StartNew();
        var presses = new List<Task<string>>();
        var pressedAt = new TimeSpan[InstancesWorld.StormRegions];
        Task<HostProcess>? replacement = null;
        var killedAt = TimeSpan.Zero;
        for (var r = 0; r < InstancesWorld.StormRegions; r++)
        {
            // 40 alerts in 10 s, spread over the live instances as a load balancer would.
            pressedAt[r] = clock.Elapsed;
            var live = world.Live;
            presses.Add(world.PressAsync(r, live[r % live.Count]));
            if (r == 16)
            {
                world.Live[1].Kill(); // SIGKILL mid-storm: its leases, held messages and half-made sends stay as they are
                killedAt = clock.Elapsed;
                replacement = world.StartInstanceAsync();
            }

            await Task.Delay(250);
        }

        var alertIds = await Task.WhenAll(presses);

        var everyone = InstancesWorld.StormRegions * (InstancesWorld.LawyersPerRegion + InstancesWorld.NgosPerRegion);
        while (Unreached() > 0)
        {
            // Well under the 10-minute receive visibility of what the dead instance held (a busy machine is slow).
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(9), $"{Unreached()} of {everyone} recipients not reached {clock.Elapsed} after the first press.");
            await Task.Delay(200);
        }

        var doneAt = clock.Elapsed;
        await replacement!; // measured after: on a busy machine a new instance may take longer to start than the rest to finish
        var startedAt = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(3)); // a late duplicate would land now

        var storm = world.Regions.Take(InstancesWorld.StormRegions).ToList();
        var smsCounts = storm.SelectMany(r => r.Lawyers).Select(world.SmsTo).ToList();
        var emailCounts = storm.SelectMany(r => r.Ngos).Select(world.EmailsTo).ToList();
        Assert.All(smsCounts, n => Assert.InRange(n, 1, 2));
        Assert.All(emailCounts, n => Assert.InRange(n, 1, 2));

        // A duplicate only where the first send's outcome was unknown: its row was claimed more than once.
        var duplicated = 0;
        for (var r = 0; r < storm.Count; r++)
        {
            var status = await world.StatusAsync(alertIds[r]);
            var deliveries = status["deliveries"]!.AsArray();
            foreach (var (phone, i) in storm[r].Lawyers.Select((p, i) => (p, i)).Where(x => world.SmsTo(x.p) > 1))
            {
                duplicated++;
                var row = deliveries.Single(d => d!["recipient"]!.GetValue<string>() == $"Lawyer{i}" && d["channel"]!.GetValue<string>() == "sms")!;
                Assert.True(row["attempts"]!.GetValue<int>() >= 2, $"{alertIds[r]}: Lawyer{i} got two SMS from one attempt.");
            }
        }

        var firstSms = alertIds.Select((id, r) => world.StandIns.Sms
            .Where(s => s.Body.Contains(id[^6..].ToUpperInvariant(), StringComparison.Ordinal))
            .Min(s => s.ReceivedAt)).ToList();
        var origin = DateTimeOffset.UtcNow - clock.Elapsed;
        var latencies = firstSms.Select((at, r) => (at - origin - pressedAt[r]).TotalMilliseconds).Order().ToList();
        output.WriteLine($"recipients {everyone}: {smsCounts.Count} SMS, {emailCounts.Count} email; duplicates {duplicated} SMS, {emailCounts.Count(n => n > 1)} email");
        output.WriteLine($"press → first SMS per alert: p50 {latencies[latencies.Count / 2]:F0} ms, max {latencies[^1]:F0} ms");
        output.WriteLine($"killed at {killedAt.TotalSeconds:F1} s, replacement healthy by {startedAt.TotalSeconds:F1} s, everyone reached at {doneAt.TotalSeconds:F1} s ({(doneAt - killedAt).TotalSeconds:F1} s after the kill)");
        output.WriteLine($"ideal at {InstancesWorld.MessagesPerSecond} msg/s: {smsCounts.Count / (double)InstancesWorld.MessagesPerSecond:F1} s of SMS");

        // Recovered by the watchdog, not by the 10-minute receive visibility of what the dead instance held.
        Assert.True(doneAt - killedAt < TimeSpan.FromMinutes(9), $"Recovery took {doneAt - killedAt}.");
        Assert.Equal(0, await world.PoisonedAsync());

        int Unreached() =>
            world.Regions.Take(InstancesWorld.StormRegions).Sum(r => r.Lawyers.Count(p => world.SmsTo(p) == 0) + r.Ngos.Count(e => world.EmailsTo(e) == 0));
    }

    [Fact]
    public async Task TheSamePressArrivingAtEveryInstance_IsOneAlert_AndEachLawyerGetsOneSms()
    {
        const int region = InstancesWorld.StormRegions;
        var key = Guid.NewGuid().ToString("N");

        var ids = await Task.WhenAll(world.Live.Select(host => world.PressAsync(region, host, key)));

        Assert.Single(ids.Distinct(StringComparer.Ordinal));
        var lawyers = world.Regions[region].Lawyers;
        await UntilAsync(() => lawyers.All(p => world.SmsTo(p) > 0), TimeSpan.FromSeconds(90));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.All(lawyers, p => Assert.Equal(1, world.SmsTo(p)));
    }

    [Fact]
    public async Task ALawyersYesArrivingAtTwoInstancesAtOnce_IsOneAcknowledgement()
    {
        const int region = InstancesWorld.StormRegions + 1;
        var alertId = await world.PressAsync(region, world.Live[0]);
        var lawyer = world.Regions[region].Lawyers[0];
        await UntilAsync(() => world.SmsTo(lawyer) > 0, TimeSpan.FromSeconds(90));
        var reference = alertId[^6..].ToUpperInvariant();

        var answers = await Task.WhenAll(world.Live.Take(2).Select(host => world.ReplyAsync(host, lawyer, "YES " + reference)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a));
        var status = await world.StatusAsync(alertId);
        Assert.Single(status["acknowledgements"]!.AsArray());
        Assert.Single(status["timeline"]!.AsArray(), t => t!["kind"]!.GetValue<string>() == "acknowledged");
    }

    [Fact]
    public async Task AnEscalationOnThreeInstances_RunsEachStepOnce_AndAnAcknowledgementAtAnotherStopsTheNext()
    {
        const int region = InstancesWorld.EscalationRegion;
        await world.PutPolicyAsync(region, new
        {
            steps = new object[]
            {
                new { afterSeconds = 4, scope = "chain", tier = 2, remind = true },
                new { afterSeconds = 12, call = true },
            },
        });
        var alertId = await world.PressAsync(region, world.Live[0]);
        var (firstTier, secondTier) = (world.Regions[region].Lawyers, world.SecondTier);

        // Step 1 on whichever instance takes it: tier 2 alerted and tier 1 reminded, each once.
        await UntilAsync(() => secondTier.All(p => world.SmsTo(p) > 0) && firstTier.All(p => world.SmsTo(p) >= 2), TimeSpan.FromSeconds(90));
        var reference = alertId[^6..].ToUpperInvariant();
        Assert.Equal(HttpStatusCode.OK, await world.ReplyAsync(world.Live[^1], firstTier[0], "YES " + reference));

        // Step 2 (calls to whoever has not answered) finds the acknowledgement, made at another instance: no call.
        var waited = Stopwatch.StartNew();
        while ((await world.StatusAsync(alertId))["timeline"]!.AsArray().Count(t => t!["kind"]!.GetValue<string>() == "escalation") < 2)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "The second step did not run.");
            await Task.Delay(200);
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.All(secondTier, p => Assert.Equal(1, world.SmsTo(p)));
        Assert.All(firstTier.Skip(1), p => Assert.Equal(2, world.SmsTo(p)));
        Assert.DoesNotContain(world.StandIns.Calls, c => firstTier.Contains(c.To) || secondTier.Contains(c.To));
    }

    private static async Task UntilAsync(Func<bool> done, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (!done())
        {
            Assert.True(waited.Elapsed < timeout, $"Not done within {timeout}.");
            await Task.Delay(100);
        }
    }
}
