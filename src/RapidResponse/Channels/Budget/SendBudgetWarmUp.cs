using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RapidResponse.Channels.Budget;

/// <summary>
/// Warms the send budget (<see cref="SendBudget.WarmUpAsync"/>) as the host starts, in the background, after the
/// storage initializer (registered before it) has made the tables: an instance scaled out in a storm takes its first
/// sends within a second.
/// </summary>
internal sealed partial class SendBudgetWarmUp(SendBudget budget, TimeProvider time, ILogger<SendBudgetWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = time.GetTimestamp();
        try
        {
            if (await budget.WarmUpAsync(stoppingToken))
            {
                LogWarmed(time.GetElapsedTime(started).TotalMilliseconds);
            }
            else
            {
                LogNotWarmed();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped before storage answered: nothing to warm for.
        }
    }

    [LoggerMessage(EventId = 3105, Level = LogLevel.Debug, Message = "The send budget's first round trip took {Milliseconds:F0} ms, before any send")]
    private partial void LogWarmed(double milliseconds);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Information, Message = "The send budget could not be warmed (storage did not answer); the first send's lease tries again")]
    private partial void LogNotWarmed();
}
