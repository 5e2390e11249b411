using RapidResponse.Alerts;

namespace RapidResponse.Board;

/// <summary>
/// One line of the coordinators' live board: where (the region's code and its place name), what, since when, who is
/// responding, how its deliveries stand (a count per state) and when the next escalation step is due (null when the
/// policy has no step left).
/// </summary>
public sealed record BoardAlert(
    string AlertId,
    string Region,
    string Place,
    string Incident,
    DateTimeOffset CreatedAt,
    bool Silent,
    IReadOnlyList<ResponderView> Responding,
    IReadOnlyDictionary<string, int> Deliveries,
    DateTimeOffset? EscalationDueAt)
{
    /// <summary>The alert was called off with the duress code: it stays open, and coordinators see why.</summary>
    public bool? Duress { get; init; }
}
