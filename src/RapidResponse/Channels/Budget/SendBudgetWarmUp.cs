using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RapidResponse.Channels.Budget;

/// <summary>
/// Warms the send budget (<see cref="SendBudget.WarmUpAsync"/>) once the host has started, when its tables exist,
/// without holding the start up: an instance scaled out in a storm takes its first sends within a second.
/// </summary>
internal sealed partial class SendBudgetWarmUp(SendBudget budget, TimeProvider time, ILogger<SendBudgetWarmUp> logger)
    : IHostedLifecycleService, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private Task warming = Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        warming = WarmAsync();
        return Task.CompletedTask;
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await warming;
    }

    private async Task WarmAsync()
    {
        var started = time.GetTimestamp();
        try
        {
            if (await budget.WarmUpAsync(stopping.Token))
            {
                LogWarmed(time.GetElapsedTime(started).TotalMilliseconds);
            }
            else
            {
                LogNotWarmed();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopped before storage answered: nothing to warm for.
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => stopping.Dispose();

    [LoggerMessage(EventId = 3105, Level = LogLevel.Debug, Message = "The send budget's first round trip took {Milliseconds:F0} ms, before any send")]
    private partial void LogWarmed(double milliseconds);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Information, Message = "The send budget could not be warmed (storage did not answer); the first send's lease tries again")]
    private partial void LogNotWarmed();
}
