using System.Runtime.ExceptionServices;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host.Timers;

namespace RapidResponse.LocalHost.Hosting.Queues;

/// <summary>
/// What becomes of an exception no function caught: a listener's own, or a function past <c>functionTimeout</c>.
/// WebJobs' default handler throws it again on a new thread, which ends the process; the Functions host logs it and
/// restarts its script host instead. The local host logs it and stops. While it is stopping already, the exception is
/// a listener finishing a message it took just before (the Storage queue listener can touch its disposed
/// cancellation source then): the message is left to its visibility, as on a host that stops, and it is only logged.
/// </summary>
internal sealed partial class HostExceptionHandler(IHostApplicationLifetime lifetime, ILogger<HostExceptionHandler> logger) : IWebJobsExceptionHandler
{
    public void Initialize(JobHost host)
    {
    }

    public Task OnTimeoutExceptionAsync(ExceptionDispatchInfo exceptionInfo, TimeSpan timeoutGracePeriod)
    {
        LogTimeout(exceptionInfo.SourceException, timeoutGracePeriod);
        lifetime.StopApplication();
        return Task.CompletedTask;
    }

    public Task OnUnhandledExceptionAsync(ExceptionDispatchInfo exceptionInfo)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            LogWhileStopping(exceptionInfo.SourceException);
        }
        else
        {
            LogUnhandled(exceptionInfo.SourceException);
            lifetime.StopApplication();
        }

        return Task.CompletedTask;
    }

    /// <summary>Hands <see cref="HostExceptionHandler"/> to the JobHost.</summary>
    internal sealed class Factory(IHostApplicationLifetime lifetime, ILogger<HostExceptionHandler> logger) : IWebJobsExceptionHandlerFactory
    {
        public IWebJobsExceptionHandler Create(IHost jobHost) => new HostExceptionHandler(lifetime, logger);
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Critical, Message = "An exception no function caught; the local host stops")]
    private partial void LogUnhandled(Exception exception);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Critical, Message = "A function ran past functionTimeout and did not stop within {GracePeriod}; the local host stops")]
    private partial void LogTimeout(Exception exception, TimeSpan gracePeriod);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Warning, Message = "A queue listener failed while the local host stopped; its message is left to its visibility timeout")]
    private partial void LogWhileStopping(Exception exception);
}
