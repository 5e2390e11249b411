using System.Text.Json;
using System.Text.Json.Serialization;
using RapidResponse.Dispatch;
using RapidResponse.Escalation;

namespace RapidResponse.Storage;

/// <summary>Source-generated JSON for queue messages (small: ids only, the record is in Table Storage).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AlertMessage))]
[JsonSerializable(typeof(DeliveryMessage))]
[JsonSerializable(typeof(EscalationMessage))]
public sealed partial class QueueJson : JsonSerializerContext;
