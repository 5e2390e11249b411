using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace RapidResponse.LocalHost.Hosting;

/// <summary>A timer-triggered function and its schedule (NCRONTAB with seconds, or an interval).</summary>
public sealed record TimerFunction(string Name, MethodInfo Method, string Schedule)
{
    public static TimerFunction From(WorkerFunction function) => new(function.Name, function.Method, function.Trigger.Schedule!);
}

/// <summary>
/// Runs one <c>[TimerTrigger]</c> function on its schedule, as the Functions runtime does: occurrences come from the
/// schedule (missed ones while the host was down are not made up), a failure is logged and the next occurrence
/// runs as planned, and the function gets a <see cref="TimerInfo"/> and a <see cref="CancellationToken"/>.
/// </summary>
public sealed partial class TimerPump(
    TimerFunction function,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<TimerPump> logger) : BackgroundService
{
    private static readonly TimeSpan PastDueAfter = TimeSpan.FromSeconds(30);

    /// <summary>Sleeps are re-checked at least this often, so a clock that jumps (or a test's fake one) is followed closely.</summary>
    private static readonly TimeSpan MaxSleep = TimeSpan.FromMinutes(1);

    private readonly TimerSchedule schedule = TimerSchedule.Parse(function.Schedule);

    // Fixed when the host builds the pump, not when its loop first runs, so no occurrence slips in between.
    private DateTimeOffset next = TimerSchedule.Parse(function.Schedule).Next(time.GetUtcNow());

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DateTimeOffset? last = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = next - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait < MaxSleep ? wait : MaxSleep, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            var following = schedule.Next(next);
            await RunAsync(new TimerInfo
            {
                IsPastDue = time.GetUtcNow() - next > PastDueAfter,
                ScheduleStatus = new ScheduleStatus { Last = (last ?? next).UtcDateTime, Next = following.UtcDateTime, LastUpdated = next.UtcDateTime },
            }, stoppingToken);

            last = next;
            var now = time.GetUtcNow();

            // Occurrences the run outlasted are skipped, as the runtime does, rather than run back to back.
            next = following < now ? schedule.Next(now) : following;
        }
    }

    private async Task RunAsync(TimerInfo timer, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await FunctionInvoker.InvokeAsync(scope.ServiceProvider, function.Method, parameter =>
                parameter.ParameterType == typeof(CancellationToken) ? stoppingToken
                : parameter.ParameterType == typeof(TimerInfo) ? timer
                : throw new NotSupportedException($"Function {function.Name}: cannot bind parameter '{parameter.Name}'."));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            // As the runtime: a failed occurrence is logged, and the schedule goes on.
            LogFailed(exception, function.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer function {Function} failed; it runs again at its next occurrence")]
    private partial void LogFailed(Exception exception, string function);
}
