namespace RapidResponse.Bench;

/// <summary>The phases of <c>--scale</c>, by the names <c>--phases</c> takes, in the order they run.</summary>
public static class ScalePhases
{
    public const string Storm = "storm";
    public const string Storm3 = "storm3";
    public const string Neighbour = "neighbour";
    public const string Growth = "growth";
    public const string Alone = "alone";

    public static IReadOnlyList<string> All { get; } = [Storm, Storm3, Neighbour, Growth, Alone];

    /// <summary>A comma-separated choice (<c>storm,storm3</c>); the chosen still run in <see cref="All"/> order.</summary>
    public static IReadOnlyList<string> Parse(string value)
    {
        var chosen = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = chosen.Except(All, StringComparer.Ordinal).ToList();
        return unknown.Count > 0 || chosen.Length == 0
            ? throw new ArgumentException($"Unknown phases '{value}'; known: {string.Join(',', All)}.")
            : All.Where(p => chosen.Contains(p, StringComparer.Ordinal)).ToList();
    }
}
