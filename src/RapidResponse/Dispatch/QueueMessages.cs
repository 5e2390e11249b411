using System.Text.Json.Serialization;

namespace RapidResponse.Dispatch;

// TraceParent (optional, W3C): links the steps of one alert into one trace. Older messages without it still read.
// The ids are [JsonRequired] under any serializer options (the worker's own too): a message without them fails to
// bind, so the queue retries it and then poisons it, instead of running a function on nulls.

/// <summary>On the <c>alerts</c> queue: an accepted alert to fan out.</summary>
public sealed record AlertMessage(
    [property: JsonRequired] string AlertId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TraceParent = null);

/// <summary>
/// On the <c>deliveries</c> queue: one send to make. With <see cref="Batch"/>, one email body for every delivery
/// listed (the first is <see cref="DeliveryId"/>), sent as one request.
/// </summary>
public sealed record DeliveryMessage(
    [property: JsonRequired] string AlertId,
    [property: JsonRequired] string DeliveryId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TraceParent = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Batch = null)
{
    /// <summary>
    /// An extra, early attempt (a watchdog probe during an outage, or a resume after one): when it fails it leaves
    /// the retry to the message already scheduled, so the attempts of one send never multiply.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Early { get; init; }
}
