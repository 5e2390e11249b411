namespace RapidResponse.Dispatch;

/// <summary>
/// Where one send to one recipient stands: <c>pending → sending → sent → delivered | failed | undeliverable</c>.
/// The Delivery row is the idempotency record of its send.
/// </summary>
public enum DeliveryState
{
    Pending,
    Sending,
    Sent,
    Delivered,
    Failed,
    Undeliverable,
}

public static class DeliveryStates
{
    /// <summary>The provider has it (or had it and gave up): sending again would be a duplicate.</summary>
    public static bool IsHandedOver(this DeliveryState state) => state is not (DeliveryState.Pending or DeliveryState.Sending);

    public static string ToWire(this DeliveryState state) => state.ToString().ToLowerInvariant();
}
