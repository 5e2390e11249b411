using System.Globalization;
using System.Text;

namespace RapidResponse.Bench.Glitches;

/// <summary>
/// "Glitch length → extra delay": bursts of 503/429 of each length, and a run where only each recipient's first
/// try fails, on a fake clock (<see cref="GlitchSimulation"/>). The target: a glitch costs about its own length.
/// </summary>
public static class GlitchBench
{
    public static readonly TimeSpan[] Lengths = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(60)];

    /// <summary>Fewer than the queue listener runs at once on one instance (batch 16 + threshold 8), so none waits for a slot.</summary>
    public const int Recipients = 20;

    public static async Task<IReadOnlyList<GlitchRun>> RunAsync(Action<string>? progress, CancellationToken cancellationToken)
    {
        var runs = new List<GlitchRun>();
        foreach (var length in Lengths)
        {
            progress?.Invoke($"glitch: {length.TotalSeconds:0} s burst of 503/429, {Recipients} recipients");
            runs.Add(await GlitchSimulation.RunAsync(GlitchKind.Burst, length, Recipients, cancellationToken));
        }

        progress?.Invoke($"glitch: each recipient's first try fails, {Recipients} recipients");
        runs.Add(await GlitchSimulation.RunAsync(GlitchKind.FirstAttemptOnly, TimeSpan.Zero, Recipients, cancellationToken));
        return runs;
    }

    public static string ToMarkdown(IReadOnlyList<GlitchRun> runs)
    {
        var text = new StringBuilder();
        text.Append("| glitch | last recipient reached | extra delay ÷ glitch length | last reached after the glitch ended | requests to the provider | target |\n");
        text.Append("|---|---:|---:|---:|---:|---|\n");
        foreach (var run in runs)
        {
            // Past the send's retry window (about 10 s) a glitch is waited out by the queue back-off, whose gaps grow.
            var met = run.Kind == GlitchKind.Burst
                ? run.AfterTheGlitch <= TimeSpan.FromSeconds(3) || run.Ratio <= 1.25
                : run.ExtraDelay <= TimeSpan.FromSeconds(3);
            text.Append(run.Kind == GlitchKind.Burst
                ? $"| {S(run.Glitch)} s burst of 503/429 | {S(run.ExtraDelay)} s | {F(run.Ratio)}× | {S(run.AfterTheGlitch)} s | {run.ProviderRequests} | ≤ glitch + 3 s, or ≤ 1.25× glitch: {Verdict(met)} |\n"
                : $"| each recipient's first try fails | {S(run.ExtraDelay)} s | | | {run.ProviderRequests} | every retry within 3 s: {Verdict(met)} |\n");
        }

        return text.ToString();
    }

    private static string Verdict(bool met) => met ? "met" : "**missed**";

    private static string S(TimeSpan value) => value.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
