namespace RapidResponse.Channels.Voice;

/// <summary>
/// A phone call to place: to a number, about a delivery (<see cref="Reference"/>: <c>alertId/deliveryId</c>), which
/// the TwiML, key-press and status webhooks carry back.
/// </summary>
public sealed record CallRequest(string To, string Reference);

/// <summary>Places calls through a voice provider.</summary>
public interface ICallPlacer
{
    /// <summary>Accepted with the provider's call id, or rejected (an invalid number, a country not enabled).</summary>
    Task<SendOutcome> PlaceAsync(CallRequest call, CancellationToken cancellationToken);
}
