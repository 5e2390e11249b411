namespace RapidResponse.Responses;

/// <summary>The body of <c>POST /api/alerts/{alertId}/resolve</c>.</summary>
public sealed record ResolveRequest(string? Outcome, string? Message, string? Code);

/// <summary>The body of <c>POST /api/alerts/{alertId}/updates</c>.</summary>
public sealed record UpdateRequest(string? Status, string? Message);

/// <summary>The answer to a resolve or an update. A duress resolve answers exactly as a good one.</summary>
public sealed record AlertChanged(string AlertId, string Status);
