using System.Globalization;

namespace RapidResponse.Bench;

/// <summary>What a run measures and how hard it pushes. <see cref="Full"/> is the documented benchmark.</summary>
public sealed record BenchOptions
{
    /// <summary>Presses timed for press → 202 (after <see cref="WarmupPresses"/> untimed ones).</summary>
    public int Presses { get; init; } = 1000;

    public int Concurrency { get; init; } = 20;

    public int WarmupPresses { get; init; } = 40;

    /// <summary>Alerts timed for press → first SMS, pressed one by one at random (Poisson) moments.</summary>
    public int Alerts { get; init; } = 200;

    public double AlertsPerSecond { get; init; } = 4;

    /// <summary>Tier-1 lawyers in the one region of the fan-out alert.</summary>
    public int Recipients { get; init; } = 1000;

    /// <summary><c>Twilio:MessagesPerSecond</c>, the client-side send-rate cap.</summary>
    public int MessagesPerSecond { get; init; } = 100;

    /// <summary>Added by the stand-ins to every answer, as a provider's latency.</summary>
    public TimeSpan StandInLatency { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Floor samples: table write + queue put, one at a time and at <see cref="Concurrency"/>.</summary>
    public int FloorSamples { get; init; } = 1000;

    /// <summary>Floor samples: one bare POST to the Twilio stand-in, one at a time.</summary>
    public int PostSamples { get; init; } = 100;

    /// <summary>Extra settings for the host (e.g. host-level overrides for experiments).</summary>
    public IReadOnlyDictionary<string, string?> HostSettings { get; init; } = new Dictionary<string, string?>();

    public static BenchOptions Full { get; } = new();

    public static BenchOptions Quick { get; } = new()
    {
        Presses = 100,
        WarmupPresses = 20,
        Alerts = 20,
        AlertsPerSecond = 10,
        Recipients = 200,
        FloorSamples = 100,
        PostSamples = 20,
    };

    /// <summary>
    /// <c>[--quick] [--presses N] [--concurrency N] [--alerts N] [--alerts-per-second X] [--recipients N]
    /// [--rate N] [--latency-ms N]</c>.
    /// </summary>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = args.Contains("--quick") ? Quick : Full;
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Int() => int.Parse(Next(), CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--quick" => options,
                "--presses" => options with { Presses = Int() },
                "--concurrency" => options with { Concurrency = Int() },
                "--alerts" => options with { Alerts = Int() },
                "--alerts-per-second" => options with { AlertsPerSecond = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--recipients" => options with { Recipients = Int() },
                "--rate" => options with { MessagesPerSecond = Int() },
                "--latency-ms" => options with { StandInLatency = TimeSpan.FromMilliseconds(Int()) },
                "--floor-samples" => options with { FloorSamples = Int() },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'."),
            };
        }

        return options;
    }
}
