using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace RapidResponse.Channels;

/// <summary>
/// The resilience pipeline for provider sends. A send is a POST that may already have reached the provider,
/// so only what certainly did not is retried: connection failures before the request left, 429/503 (honouring
/// <c>Retry-After</c>), and calls the open circuit stopped before they left.
/// </summary>
/// <remarks>
/// Tuned so that a glitch costs about its own length (measured in bench/, "glitch length → extra delay"): each
/// send retries about every <see cref="RetryEvery"/> for about <see cref="RetryWindow"/>, and the circuit breaker,
/// once most calls fail, lets one call through every <see cref="BreakDuration"/>. So a down provider sees about one
/// request a second from each instance, not one per waiting send, and when it answers again the circuit closes and
/// every waiting send goes out at its next retry, a second or two later. A send that fails for the whole window is
/// held by the queue with a growing back-off (<c>RetryBackoff</c>) and its recipient's other channel is used at once.
/// </remarks>
public static class SendResilience
{
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    /// <summary>A bound on one send, retries included (a slow provider's attempt timeouts, a long <c>Retry-After</c>).</summary>
    public static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How often a send that certainly did not reach the provider is tried again.</summary>
    public static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(1);

    /// <summary>Retries of one send: about <see cref="RetryWindow"/> of trying before the queue holds it.</summary>
    public const int MaxRetries = 10;

    public static readonly TimeSpan RetryWindow = RetryEvery * MaxRetries;

    /// <summary>How long the open circuit refuses calls before it lets one through to test the provider.</summary>
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan ShortestBreak = TimeSpan.FromMilliseconds(500);

    /// <param name="pipeline">The send client's pipeline.</param>
    /// <param name="scale"><c>RapidResponseOptions.BackoffScale</c>: 1 in service; tests compress the retry and break periods.</param>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, double scale = 1)
    {
        pipeline
            .AddTimeout(TotalTimeout)
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = MaxRetries,
                // Constant, not exponential: the circuit breaker already spares a down provider, and a send waiting
                // 8 s between tries would turn a 6 s glitch into 14 s.
                BackoffType = DelayBackoffType.Constant,
                UseJitter = true,
                Delay = RetryEvery * scale,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(IsSafeToRetry(args.Outcome) || args.Outcome.Exception is BrokenCircuitException),
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                // Opens only when most calls fail for more than a moment (an outage), not when the first try of
                // every send the listener runs at once (batch 16 + threshold 8 = 24) fails (a blip): those retry
                // within about a second and go through.
                FailureRatio = 0.8,
                MinimumThroughput = 30,
                SamplingDuration = TimeSpan.FromSeconds(5),
                // Polly's floor for a break is half a second.
                BreakDuration = BreakDuration * scale > ShortestBreak ? BreakDuration * scale : ShortestBreak,
            })
            .AddTimeout(AttemptTimeout);
    }

    /// <summary>True only when the provider certainly did not act on the request.</summary>
    public static bool IsSafeToRetry(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } } => true,
        { Result.StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable } => true,
        _ => false,
    };

    /// <summary>Whether a failed send may have been acted on by the provider (so a retry could duplicate it).</summary>
    public static bool MayHaveReachedProvider(Exception? exception) => exception switch
    {
        null => true,
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => false,
        BrokenCircuitException => false,
        TimeoutRejectedException => true,
        _ when exception.InnerException is { } inner => MayHaveReachedProvider(inner),
        _ => true,
    };
}
