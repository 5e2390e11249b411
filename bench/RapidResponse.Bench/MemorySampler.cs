using System.Diagnostics;

namespace RapidResponse.Bench;

/// <summary>Peak memory during a phase: the host process (working set, GC heap) and Azurite's node processes together.</summary>
public sealed record MemoryPeaks(long HostWorkingSet, long? HostPeakRss, long GcHeap, long? AzuriteRss);

/// <summary>Samples memory every 20 ms while a phase runs; also resets and reads the kernel's own peak (VmHWM).</summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly IReadOnlyList<int> azurite;
    private readonly bool peakReset;
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;
    private long workingSet;
    private long gcHeap;
    private long azuriteRss;

    public MemorySampler(IReadOnlyList<int> azuriteProcessIds)
    {
        azurite = azuriteProcessIds;
        peakReset = ProcStats.TryResetPeak(Environment.ProcessId);
        Sample();
        sampling = Task.Run(LoopAsync);
    }

    public async Task<MemoryPeaks> StopAsync()
    {
        await stop.CancelAsync();
        await sampling;
        Sample();
        return new MemoryPeaks(
            workingSet,
            peakReset ? ProcStats.PeakRss(Environment.ProcessId) : null,
            gcHeap,
            azurite.Count == 0 ? null : azuriteRss);
    }

    public async ValueTask DisposeAsync()
    {
        if (!stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        stop.Dispose();
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                Sample();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Sample()
    {
        using var self = Process.GetCurrentProcess();
        workingSet = Math.Max(workingSet, self.WorkingSet64);
        gcHeap = Math.Max(gcHeap, GC.GetTotalMemory(forceFullCollection: false));
        if (azurite.Count > 0)
        {
            azuriteRss = Math.Max(azuriteRss, azurite.Sum(pid => ProcStats.Rss(pid) ?? 0));
        }
    }
}
