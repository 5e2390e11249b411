using System.Text.Json.Serialization;

namespace RapidResponse.Escalation;

/// <summary>
/// On the <c>escalations</c> queue, made visible when step <see cref="Step"/> of the alert's policy is due.
/// <see cref="Duress"/> asks for every tier at once (a resolve with the duress code). The alert and step are
/// required, so a message without them is poisoned rather than run.
/// </summary>
public sealed record EscalationMessage([property: JsonRequired] string AlertId, [property: JsonRequired] int Step, bool Duress = false);
