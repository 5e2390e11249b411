using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RapidResponse.Tests.Support;

/// <summary>
/// Every log line a host under test writes, formatted: to check what leaks into logs, and kept in
/// <c>artifacts/test-logs/</c> instead of the console, so a green run is quiet and a red one has the host's side.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyCollection<string> Lines => lines;

    /// <summary>Routes a host's logs here only: no console output during tests.</summary>
    public void CaptureOnly(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddProvider(this);
    }

    /// <summary>Writes what was captured to <c>artifacts/test-logs/&lt;name&gt;-&lt;id&gt;.log</c>.</summary>
    public async Task SaveAsync(string name)
    {
        var folder = Repository.File("artifacts", "test-logs");
        Directory.CreateDirectory(folder);
        await File.WriteAllLinesAsync(Path.Combine(folder, $"{name}-{Guid.NewGuid():N}.log"), lines);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lines.Enqueue($"{category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
