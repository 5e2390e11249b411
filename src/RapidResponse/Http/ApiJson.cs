using System.Text.Json;
using System.Text.Json.Serialization;
using RapidResponse.Alerts;
using RapidResponse.Contacts;
using RapidResponse.Operations;
using RapidResponse.Organizers;
using RapidResponse.Storage;

namespace RapidResponse.Http;

/// <summary>Source-generated JSON for the HTTP API: camelCase, strict on input (unknown members are errors).</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(PanicRequest))]
[JsonSerializable(typeof(PanicAccepted))]
[JsonSerializable(typeof(AlertView))]
[JsonSerializable(typeof(ProblemBody))]
[JsonSerializable(typeof(NewOrganizerRequest))]
[JsonSerializable(typeof(NewOrganizerResponse))]
[JsonSerializable(typeof(ContactInput))]
[JsonSerializable(typeof(ContactView))]
[JsonSerializable(typeof(IReadOnlyList<ContactView>))]
[JsonSerializable(typeof(ImportReport))]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(IReadOnlyList<ParkedMessage>))]
[JsonSerializable(typeof(ReplayReport))]
public sealed partial class ApiJson : JsonSerializerContext;
