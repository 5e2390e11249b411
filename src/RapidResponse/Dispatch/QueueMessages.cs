namespace RapidResponse.Dispatch;

/// <summary>On the <c>alerts</c> queue: an accepted alert to fan out.</summary>
public sealed record AlertMessage(string AlertId);

/// <summary>On the <c>deliveries</c> queue: one send to make.</summary>
public sealed record DeliveryMessage(string AlertId, string DeliveryId);
