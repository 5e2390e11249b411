namespace RapidResponse.Dispatch;

/// <summary>
/// Where one send to one recipient stands: <c>pending → sending → sent → delivered | failed | undeliverable</c>, or
/// <c>pending → sending → withdrawn</c> for a reminder or call no longer wanted when its turn came
/// (<see cref="DeliveryWithdrawals"/>). The Delivery row is the idempotency record of its send.
/// </summary>
public enum DeliveryState
{
    Pending,
    Sending,
    Sent,
    Delivered,
    Failed,
    Undeliverable,

    /// <summary>Never sent: by its turn, what it was for had happened (an acknowledgement, a decline, the resolution).</summary>
    Withdrawn,
}

public static class DeliveryStates
{
    /// <summary>The provider has it (or had it and gave up): sending again would be a duplicate.</summary>
    public static bool IsHandedOver(this DeliveryState state) => state is not (DeliveryState.Pending or DeliveryState.Sending);

    public static string ToWire(this DeliveryState state) => state.ToString().ToLowerInvariant();
}
