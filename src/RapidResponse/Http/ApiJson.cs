using System.Text.Json;
using System.Text.Json.Serialization;
using RapidResponse.Alerts;
using RapidResponse.Contacts;
using RapidResponse.Escalation;
using RapidResponse.Events;
using RapidResponse.Operations;
using RapidResponse.Organizers;
using RapidResponse.Page;
using RapidResponse.Responses;
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
[JsonSerializable(typeof(AlertRecordExport))]
[JsonSerializable(typeof(NewOrganizerRequest))]
[JsonSerializable(typeof(NewOrganizerResponse))]
[JsonSerializable(typeof(ContactInput))]
[JsonSerializable(typeof(ContactView))]
[JsonSerializable(typeof(IReadOnlyList<ContactView>))]
[JsonSerializable(typeof(ImportReport))]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(IReadOnlyList<ParkedMessage>))]
[JsonSerializable(typeof(ReplayReport))]
[JsonSerializable(typeof(RapidResponse.Statements.StatementDraft))]
[JsonSerializable(typeof(RapidResponse.Statements.StatementReplaced))]
[JsonSerializable(typeof(ResolveRequest))]
[JsonSerializable(typeof(UpdateRequest))]
[JsonSerializable(typeof(AlertChanged))]
[JsonSerializable(typeof(MeRequest))]
[JsonSerializable(typeof(MeView))]
[JsonSerializable(typeof(EscalationPolicyInput))]
[JsonSerializable(typeof(EscalationPolicyView))]
[JsonSerializable(typeof(EventRequest))]
[JsonSerializable(typeof(EventView))]
[JsonSerializable(typeof(IReadOnlyList<EventView>))]
[JsonSerializable(typeof(PageConfig))]
[JsonSerializable(typeof(OrganizerView))]
[JsonSerializable(typeof(IReadOnlyList<OrganizerView>))]
[JsonSerializable(typeof(OrganizerRegionsRequest))]
[JsonSerializable(typeof(IReadOnlyList<RapidResponse.Board.BoardAlert>))]
[JsonSerializable(typeof(RapidResponse.Board.BoardAlertDetail))]
[JsonSerializable(typeof(RapidResponse.Statements.TemplateList))]
[JsonSerializable(typeof(RapidResponse.Recipients.RecipientView))]
[JsonSerializable(typeof(RapidResponse.Recipients.RecipientStatusRequest))]
[JsonSerializable(typeof(RapidResponse.Coordinators.NewCoordinatorRequest))]
[JsonSerializable(typeof(RapidResponse.Coordinators.CoordinatorChange))]
[JsonSerializable(typeof(RapidResponse.Coordinators.CoordinatorView))]
[JsonSerializable(typeof(IReadOnlyList<RapidResponse.Coordinators.CoordinatorView>))]
[JsonSerializable(typeof(RapidResponse.Coordinators.NewCoordinatorResponse))]
[JsonSerializable(typeof(RapidResponse.Coordinators.ManageMeView))]
[JsonSerializable(typeof(RapidResponse.Audit.AuditPage))]
[JsonSerializable(typeof(RapidResponse.Audit.AuditVerification))]
public sealed partial class ApiJson : JsonSerializerContext;
