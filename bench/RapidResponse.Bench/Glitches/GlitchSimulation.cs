using System.Net;
using Microsoft.Extensions.Time.Testing;
using Polly;
using RapidResponse.Channels;
using RapidResponse.Dispatch;

namespace RapidResponse.Bench.Glitches;

/// <summary>How a provider misbehaves in a run.</summary>
public enum GlitchKind
{
    /// <summary>Every request answers 503 or 429 (<c>Retry-After: 1</c>), alternately, for the glitch's length.</summary>
    Burst,

    /// <summary>Each recipient's first request answers 503; every later one is taken.</summary>
    FirstAttemptOnly,
}

/// <summary>One run: when each recipient was reached, and how many requests reached the provider.</summary>
public sealed record GlitchRun(GlitchKind Kind, TimeSpan Glitch, IReadOnlyList<TimeSpan> Reached, int ProviderRequests)
{
    /// <summary>With no glitch every recipient is reached at once (no latency on the fake clock): all of it is extra.</summary>
    public TimeSpan ExtraDelay => Reached.Max();

    /// <summary>How long the last recipient waited after the glitch was over.</summary>
    public TimeSpan AfterTheGlitch => ExtraDelay - Glitch;

    public double Ratio => Glitch > TimeSpan.Zero ? ExtraDelay / Glitch : double.NaN;
}

/// <summary>
/// Sends to many recipients through the product's own send pipeline (<see cref="SendResilience"/>: retry, circuit
/// breaker, timeouts) on a fake clock while the provider glitches, and holds a send that fails for the whole retry
/// window with the product's back-off (<see cref="RetryBackoff"/>), as the delivery worker does with a new delayed
/// queue message. Left out, as they only ever bring a send earlier: the watchdog's probes after a recovery. Left out
/// as small: the queue listener's polling (at most 250 ms) and storage round trips.
/// </summary>
public static class GlitchSimulation
{
    /// <summary>The fake clock moves in steps this long; figures are accurate to about one step.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromMilliseconds(25);

    public static async Task<GlitchRun> RunAsync(GlitchKind kind, TimeSpan glitch, int recipients, CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
        var start = time.GetUtcNow();
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        SendResilience.Configure(builder);
        var pipeline = builder.Build();
        var requests = 0;
        var tried = new bool[recipients];

        HttpResponseMessage Provider(int recipient)
        {
            var n = Interlocked.Increment(ref requests);
            var failing = kind switch
            {
                GlitchKind.Burst => time.GetUtcNow() - start < glitch,
                _ => !Interlocked.Exchange(ref tried[recipient], true),
            };
            if (!failing)
            {
                return new HttpResponseMessage(HttpStatusCode.Created);
            }

            var response = new HttpResponseMessage(n % 2 == 0 ? HttpStatusCode.TooManyRequests : HttpStatusCode.ServiceUnavailable);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
            }

            return response;
        }

        async Task<TimeSpan> ReachAsync(int recipient)
        {
            for (var failures = 1; ; failures++)
            {
                try
                {
                    using var response = await pipeline.ExecuteAsync(_ => ValueTask.FromResult(Provider(recipient)), cancellationToken);
                    if (response.IsSuccessStatusCode)
                    {
                        return time.GetUtcNow() - start;
                    }
                }
                catch (ExecutionRejectedException)
                {
                    // The open circuit or the total timeout: the send is held, as for a 503 after every retry.
                }

                await Task.Delay(RetryBackoff.For(failures, time.GetUtcNow() - start), time, cancellationToken);
            }
        }

        var sends = Enumerable.Range(0, recipients).Select(ReachAsync).ToList();
        var all = Task.WhenAll(sends);
        while (!all.IsCompleted)
        {
            // Let every send that can move do so before the clock moves on.
            await Task.Delay(1, cancellationToken);
            time.Advance(Step);
        }

        return new GlitchRun(kind, kind == GlitchKind.Burst ? glitch : TimeSpan.Zero, await all, requests);
    }
}
