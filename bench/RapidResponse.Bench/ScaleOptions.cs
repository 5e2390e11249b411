namespace RapidResponse.Bench;

/// <summary>What <c>--scale</c> measures, and how big; <see cref="Phases"/> chooses which of its phases run.</summary>
public sealed record ScaleOptions(int StormAlerts, int StormLawyers, int StormNgos, TimeSpan StormWindow, int NeighbourBig, int NeighbourSmall, IReadOnlyList<int> Growth)
{
    public static ScaleOptions Full { get; } = new(40, 20, 5, TimeSpan.FromSeconds(10), 1000, 5, [1000, 3000, 10000]);

    /// <summary>Names from <see cref="ScalePhases"/>; all of them unless chosen.</summary>
    public IReadOnlyList<string> Phases { get; init; } = ScalePhases.All;

    public bool Runs(string phase) => Phases.Contains(phase, StringComparer.Ordinal);
}
