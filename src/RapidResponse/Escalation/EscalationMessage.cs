namespace RapidResponse.Escalation;

/// <summary>
/// On the <c>escalations</c> queue, made visible when step <see cref="Step"/> of the alert's policy is due.
/// <see cref="Duress"/> asks for every tier at once (a resolve with the duress code).
/// </summary>
public sealed record EscalationMessage(string AlertId, int Step, bool Duress = false);
