namespace RapidResponse.Bench;

/// <summary>The machine a run was made on.</summary>
/// <remarks>The load average matters: on a shared machine other builds take the cores the host and Azurite need.</remarks>
public sealed record MachineInfo(int Processors, long MemoryBytes, string Runtime, string Os, bool ServerGc, string LoadAverage)
{
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
        System.Runtime.InteropServices.RuntimeInformation.OSDescription,
        System.Runtime.GCSettings.IsServerGC,
        LoadAverageNow());

    /// <summary>The 1, 5 and 15 minute load averages from <c>/proc/loadavg</c>, or "n/a".</summary>
    public static string LoadAverageNow()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return "n/a";
        }
    }
}

/// <summary>Everything one run measured.</summary>
public sealed record BenchReport(
    BenchOptions Options,
    MachineInfo Machine,
    FloorResult Floor,
    PressResult Press,
    FirstSmsResult FirstSms,
    FanOutResult FanOut,
    TimeSpan Elapsed,
    string LoadAverageAtStart)
{
    /// <summary>Press → 202 p99 over the floor's p99 at the same concurrency (target ≤ 3).</summary>
    public double PressToFloor => Press.Accepted.P99 / Floor.StorageConcurrent.P99;

    public bool PressTargetMet => PressToFloor <= 3;

    public bool FirstSmsTargetMet => FirstSms.Arrival.P99 < 1000;

    public bool FanOutTargetMet => FanOut.Ratio <= 1.2;

    public bool MemoryTargetMet => Math.Max(FanOut.Memory.HostWorkingSet, FanOut.Memory.HostPeakRss ?? 0) < 300L * 1024 * 1024;
}
