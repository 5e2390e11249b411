using System.Runtime.ExceptionServices;
using Microsoft.Azure.WebJobs.Host.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using RapidResponse.LocalHost.Hosting.Queues;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Hosting;

/// <summary>
/// An exception no function caught stops the local host (the Functions host restarts its script host) instead of
/// ending the process; one raised while the host stops is only logged, so a queue listener finishing a message as it
/// is disposed cannot end the process that runs the tests or the benchmark.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class HostExceptionHandlerTests(LocalHostFixture host)
{
    [Fact]
    public void TheJobHostsListeners_ReportToTheLocalHostsHandler() =>
        Assert.IsType<HostExceptionHandler>(host.Host.Services.GetRequiredService<IWebJobsExceptionHandler>());

    [Fact]
    public async Task WhileRunning_AnUncaughtException_StopsTheHost()
    {
        var lifetime = new Lifetime();
        var handler = Handler(lifetime);

        await handler.OnUnhandledExceptionAsync(ExceptionDispatchInfo.Capture(new InvalidOperationException("listener failed")));

        Assert.True(lifetime.StopRequested);
    }

    [Fact]
    public async Task WhileStopping_AnUncaughtException_IsOnlyLogged()
    {
        var lifetime = new Lifetime();
        await lifetime.StoppingSource.CancelAsync();
        var handler = Handler(lifetime);

        await handler.OnUnhandledExceptionAsync(ExceptionDispatchInfo.Capture(new ObjectDisposedException("CancellationTokenSource")));

        Assert.False(lifetime.StopRequested);
    }

    [Fact]
    public async Task AFunctionPastItsTimeout_StopsTheHost()
    {
        var lifetime = new Lifetime();
        var handler = Handler(lifetime);

        await handler.OnTimeoutExceptionAsync(ExceptionDispatchInfo.Capture(new TimeoutException()), TimeSpan.FromSeconds(2));

        Assert.True(lifetime.StopRequested);
    }

    private static IWebJobsExceptionHandler Handler(Lifetime lifetime) =>
        new HostExceptionHandler.Factory(lifetime, NullLogger<HostExceptionHandler>.Instance).Create(null!);

    private sealed class Lifetime : IHostApplicationLifetime
    {
        public CancellationTokenSource StoppingSource { get; } = new();

        public bool StopRequested { get; private set; }

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => StoppingSource.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => StopRequested = true;
    }
}
