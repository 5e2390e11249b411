namespace RapidResponse.Bench;

/// <summary>Percentiles of a set of durations, in milliseconds (nearest rank).</summary>
public sealed record LatencyStats(int Count, double P50, double P95, double P99, double Max)
{
    public static LatencyStats Empty { get; } = new(0, 0, 0, 0, 0);

    public static LatencyStats From(IEnumerable<TimeSpan> samples)
    {
        var sorted = samples.Select(s => s.TotalMilliseconds).Order().ToArray();
        return sorted.Length == 0
            ? Empty
            : new LatencyStats(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.95), Rank(sorted, 0.99), sorted[^1]);
    }

    private static double Rank(double[] sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
