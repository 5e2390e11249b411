namespace RapidResponse.Telemetry;

/// <summary>What the process that hosts the functions records itself, so the app records it once.</summary>
public sealed class TelemetryHostOptions
{
    /// <summary>
    /// True under the Functions host with <c>telemetryMode: OpenTelemetry</c>: the host records each HTTP request as
    /// the invocation's request span (and its metrics), so the worker's own ASP.NET Core server spans and request
    /// metrics would count every request twice. False on the local host, where ASP.NET Core is the front door.
    /// </summary>
    public bool HostRecordsRequests { get; set; }
}
