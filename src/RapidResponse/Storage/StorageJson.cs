using System.Text.Json.Serialization;
using RapidResponse.Alerts;
using RapidResponse.Dispatch;

namespace RapidResponse.Storage;

/// <summary>Source-generated JSON for values stored inside table columns.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(IReadOnlyList<Person>))]
[JsonSerializable(typeof(IReadOnlyList<DeliveryStep>))]
[JsonSerializable(typeof(Location))]
internal sealed partial class StorageJson : JsonSerializerContext;
