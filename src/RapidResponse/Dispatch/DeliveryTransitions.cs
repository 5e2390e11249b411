namespace RapidResponse.Dispatch;

/// <summary>
/// Which way a delivery may move. Provider callbacks arrive late, twice or out of order, so a state only ever moves
/// forward: <c>pending → sending → sent → delivered | failed | undeliverable</c> (or <c>withdrawn</c>, never sent), and
/// the outcomes are final.
/// </summary>
public static class DeliveryTransitions
{
    public static bool IsFinal(this DeliveryState state) =>
        state is DeliveryState.Delivered or DeliveryState.Failed or DeliveryState.Undeliverable or DeliveryState.Withdrawn;

    /// <summary>True when <paramref name="to"/> is further along than <paramref name="from"/>; the same state again is not a move.</summary>
    public static bool CanMoveTo(this DeliveryState from, DeliveryState to) => Rank(to) > Rank(from);

    private static int Rank(DeliveryState state) => state switch
    {
        DeliveryState.Pending => 0,
        DeliveryState.Sending => 1,
        DeliveryState.Sent => 2,
        DeliveryState.Delivered or DeliveryState.Failed or DeliveryState.Undeliverable or DeliveryState.Withdrawn => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown delivery state."),
    };
}
