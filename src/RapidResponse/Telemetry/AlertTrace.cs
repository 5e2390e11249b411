using System.Diagnostics;

namespace RapidResponse.Telemetry;

/// <summary>One step of an alert being traced: its span (null when nobody listens) and its log scope.</summary>
public sealed class AlertTrace(Activity? activity, IDisposable? scope) : IDisposable
{
    public Activity? Activity { get; } = activity;

    public void Dispose()
    {
        scope?.Dispose();
        Activity?.Dispose();
    }
}
