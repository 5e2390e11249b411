namespace RapidResponse.Dispatch;

/// <summary>
/// What a provider's callback says about one delivery: the state it reached, the provider's id for the message,
/// and for failures the provider's reason (e.g. a Twilio error code).
/// </summary>
public sealed record ProviderReport(string AlertId, string DeliveryId, DeliveryState State, string? ProviderId, string? Error)
{
    /// <summary>
    /// Splits the <c>alertId/deliveryId</c> reference every send carries (SMS status callback URL, email custom arg).
    /// Alert ids contain no '/', delivery ids may contain '|'.
    /// </summary>
    public static bool TrySplitReference(string? reference, out string alertId, out string deliveryId)
    {
        var slash = reference?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (reference is null || slash <= 0 || slash == reference.Length - 1)
        {
            alertId = deliveryId = "";
            return false;
        }

        alertId = reference[..slash];
        deliveryId = reference[(slash + 1)..];
        return true;
    }
}
