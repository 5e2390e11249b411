using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace RapidResponse.Channels;

/// <summary>
/// The resilience pipeline for provider sends. A send is a POST that may already have reached the provider,
/// so only what certainly did not is retried: connection failures before the request left, and 429/503
/// (honouring <c>Retry-After</c>), with jittered back-off. Attempt and total timeouts bound a send, and a circuit
/// breaker stops hammering a provider that is down (queue visibility then backs the message off).
/// </summary>
public static class SendResilience
{
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(45);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, int? messagesPerSecond)
    {
        if (messagesPerSecond is { } rate)
        {
            // Outermost: waiting for a send slot must not eat into the send's own timeouts.
            pipeline.AddRateLimiter(new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = rate,
                TokensPerPeriod = rate,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 100_000,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }));
        }

        pipeline
            .AddTimeout(TotalTimeout)
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 4,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(500),
                MaxDelay = TimeSpan.FromSeconds(8),
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(IsSafeToRetry(args.Outcome)),
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 8,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(15),
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
        Polly.CircuitBreaker.BrokenCircuitException => false,
        Polly.RateLimiting.RateLimiterRejectedException => false,
        TimeoutRejectedException => true,
        _ when exception.InnerException is { } inner => MayHaveReachedProvider(inner),
        _ => true,
    };
}
