using System.Diagnostics;
using System.Globalization;

namespace RapidResponse.Bench;

public sealed record ScaleReport(
    BenchOptions Options,
    MachineInfo Machine,
    IReadOnlyList<string> Phases,
    StormResult? Storm,
    Storm3Result? Storm3,
    NeighbourResult? Neighbour,
    IReadOnlyList<FanOutResult> Growth,
    TimeSpan Elapsed,
    string LoadAverageAtStart,
    AloneResult? Alone = null);

/// <summary>
/// The scale run (<c>--scale</c>): an alert storm on one host process and on three, a second alert during a large
/// fan-out, and one alert to a growing number of recipients, one after the other. The in-process host is stopped
/// while the three processes run, so they have the machine to themselves.
/// </summary>
public static class ScaleRunner
{
    /// <summary>Runs the chosen phases; <paramref name="markdown"/> gets each piece of the report as soon as it is known.</summary>
    public static async Task<ScaleReport> RunAsync(
        BenchOptions options, ScaleOptions scale, Action<string>? progress, Action<string>? markdown, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var load = MachineInfo.LoadAverageNow();
        void Say(string message) => progress?.Invoke($"[{clock.Elapsed.TotalSeconds,6:0.0}s] {message}");
        void Print(string piece) => markdown?.Invoke(piece);

        Print(ScaleMarkdown.Header(options, MachineInfo.Current(), load, scale.Phases));
        StormResult? storm = null;
        Storm3Result? storm3 = null;
        NeighbourResult? neighbour = null;
        var growth = new List<FanOutResult>();
        AloneResult? alone = null;
        BenchHost? host = null;
        try
        {
            async Task<BenchHost> HostAsync()
            {
                if (host is null)
                {
                    Say("starting the local host with Azurite");
                    host = await BenchHost.StartAsync(options, cancellationToken);
                }

                return host;
            }

            if (scale.Runs(ScalePhases.Storm))
            {
                var onOne = await HostAsync();
                Say($"storm: {scale.StormAlerts} alerts × ({scale.StormLawyers} lawyers + {scale.StormNgos} NGOs) within {scale.StormWindow.TotalSeconds} s");
                storm = await StormPhase.RunAsync(onOne, options, scale.StormAlerts, scale.StormLawyers, scale.StormNgos, scale.StormWindow, cancellationToken);
                Print(ScaleMarkdown.Storm(storm, options));
            }

            if (scale.Runs(ScalePhases.Storm3))
            {
                if (host is not null)
                {
                    await host.DisposeAsync();
                    host = null;
                }

                storm3 = await Storm3Phase.RunAsync(options, scale, Say, cancellationToken);
                Print(ScaleMarkdown.Storm3(storm3, options));
            }

            if (scale.Runs(ScalePhases.Neighbour))
            {
                var onOne = await HostAsync();
                Say($"second alert during a {scale.NeighbourBig}-recipient fan-out");
                neighbour = await NeighbourPhase.RunAsync(onOne, options, scale.NeighbourBig, scale.NeighbourSmall, cancellationToken);
                Print(ScaleMarkdown.Neighbour(neighbour));
            }

            if (scale.Runs(ScalePhases.Growth))
            {
                var onOne = await HostAsync();
                Print(ScaleMarkdown.GrowthHeader());
                foreach (var recipients in scale.Growth)
                {
                    Say($"growth: one alert to {recipients}");
                    var step = await FanOutPhase.RunAsync(onOne, options, string.Create(CultureInfo.InvariantCulture, $"BG-{growth.Count}"), recipients, probing: false, cancellationToken);
                    growth.Add(step);
                    Print(ScaleMarkdown.GrowthRow(step));
                }

                Print(ScaleMarkdown.GrowthEnd());
            }

            if (scale.Runs(ScalePhases.Alone))
            {
                if (host is not null)
                {
                    await host.DisposeAsync();
                    host = null;
                }

                alone = await AlonePhase.RunAsync(options, scale.Growth.Max(), Say, cancellationToken);
                Print(ScaleMarkdown.Alone(alone));
            }
        }
        finally
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }

        Say("done");
        var report = new ScaleReport(options, MachineInfo.Current(), scale.Phases, storm, storm3, neighbour, growth, clock.Elapsed, load, alone);
        Print(ScaleMarkdown.Footer(report.Elapsed, report.Machine.LoadAverage));
        return report;
    }

    /// <summary>The whole report: the pieces the run printed, joined.</summary>
    public static string ToMarkdown(ScaleReport report)
    {
        var o = report.Options;
        IEnumerable<string> Pieces()
        {
            yield return ScaleMarkdown.Header(o, report.Machine, report.LoadAverageAtStart, report.Phases);
            if (report.Storm is { } storm)
            {
                yield return ScaleMarkdown.Storm(storm, o);
            }

            if (report.Storm3 is { } storm3)
            {
                yield return ScaleMarkdown.Storm3(storm3, o);
            }

            if (report.Neighbour is { } neighbour)
            {
                yield return ScaleMarkdown.Neighbour(neighbour);
            }

            if (report.Phases.Contains(ScalePhases.Growth, StringComparer.Ordinal))
            {
                yield return ScaleMarkdown.GrowthHeader();
                foreach (var step in report.Growth)
                {
                    yield return ScaleMarkdown.GrowthRow(step);
                }

                yield return ScaleMarkdown.GrowthEnd();
            }

            if (report.Alone is { } alone)
            {
                yield return ScaleMarkdown.Alone(alone);
            }

            yield return ScaleMarkdown.Footer(report.Elapsed, report.Machine.LoadAverage);
        }

        return string.Concat(Pieces());
    }
}
