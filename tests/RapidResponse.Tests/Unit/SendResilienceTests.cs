using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RapidResponse.Channels;

namespace RapidResponse.Tests.Unit;

/// <summary>Our send policy, not Polly's internals: what is retried and what never is.</summary>
public sealed class SendResilienceTests
{
    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task Send_IsRetriedAfter429Or503(HttpStatusCode transient)
    {
        var handler = new ScriptedHandler(_ => Reply(transient), _ => Reply(HttpStatusCode.Created));

        using var response = await PostAsync(handler);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, handler.Calls);
    }

    [Fact]
    public async Task Send_IsRetriedWhenTheConnectionWasRefused()
    {
        var handler = new ScriptedHandler(
            _ => throw new HttpRequestException(HttpRequestError.ConnectionError, "refused"),
            _ => Reply(HttpStatusCode.Created));

        using var response = await PostAsync(handler);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, handler.Calls);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.BadRequest)]
    public async Task Send_ThatMayHaveReachedTheProvider_IsNeverRetried(HttpStatusCode status)
    {
        var handler = new ScriptedHandler(_ => Reply(status), _ => Reply(HttpStatusCode.Created));

        using var response = await PostAsync(handler);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task Send_CutOffMidResponse_IsNeverRetried()
    {
        var handler = new ScriptedHandler(
            _ => throw new HttpRequestException(HttpRequestError.ResponseEnded, "connection reset after sending"),
            _ => Reply(HttpStatusCode.Created));

        await Assert.ThrowsAsync<HttpRequestException>(() => PostAsync(handler));
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public void MayHaveReachedProvider_OnlyConnectionFailuresAndOpenCircuitsAreCertainlyUnsent()
    {
        Assert.False(SendResilience.MayHaveReachedProvider(new HttpRequestException(HttpRequestError.ConnectionError, "refused")));
        Assert.False(SendResilience.MayHaveReachedProvider(new InvalidOperationException("wrapped", new HttpRequestException(HttpRequestError.NameResolutionError, "dns"))));
        Assert.True(SendResilience.MayHaveReachedProvider(new Polly.Timeout.TimeoutRejectedException()));
        Assert.True(SendResilience.MayHaveReachedProvider(new HttpRequestException(HttpRequestError.ResponseEnded, "reset")));
    }

    private static async Task<HttpResponseMessage> PostAsync(ScriptedHandler handler)
    {
        var services = new ServiceCollection();
        services.AddHttpClient("send")
            .ConfigurePrimaryHttpMessageHandler(() => handler)
            .AddResilienceHandler("send", pipeline => SendResilience.Configure(pipeline));
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("send");
        return await client.PostAsync("http://provider.test/send", new StringContent("body"));
    }

    private static HttpResponseMessage Reply(HttpStatusCode status) => new(status);

    private sealed class ScriptedHandler(params Func<HttpRequestMessage, HttpResponseMessage>[] steps) : HttpMessageHandler
    {
        private int calls;

        public int Calls => calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var step = steps[Math.Min(Interlocked.Increment(ref calls) - 1, steps.Length - 1)];
            return Task.FromResult(step(request));
        }
    }
}
