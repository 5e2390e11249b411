namespace RapidResponse.Recipients;

/// <summary>
/// The body of <c>GET /api/r/{code}/state</c>: what the recipient's page shows. Names are first names with roles;
/// no phone number or email address of anyone, except the organizer's phone to a lawyer when the organizer shares
/// it and the alert is neither silent nor under duress.
/// </summary>
public sealed record RecipientView(
    string Language,
    string Role,
    string Name,
    RecipientAlertView Alert,
    RecipientOrganizerView Organizer,
    RecipientMeView Me,
    IReadOnlyList<RecipientResponderView> Responders,
    IReadOnlyList<RecipientUpdateView> Updates,
    IReadOnlyList<RecipientDraftView> Drafts);

/// <summary><see cref="RegionName"/> is the region as the recipient reads it ("Shymkent" for KZ-SHY), in their language.</summary>
public sealed record RecipientAlertView(
    string Reference,
    string Incident,
    string Region,
    string RegionName,
    string? Place,
    string? MapUrl,
    DateTimeOffset OccurredAt,
    IReadOnlyList<RecipientPersonView> People,
    string? PeopleSummary,
    string? Message,
    string? EventName,
    string Status,
    bool Silent,
    bool Duress);

public sealed record RecipientPersonView(string Name, string? Role);

/// <summary>
/// <see cref="DoNotContact"/>: the organizer's phone may be in someone else's hands (silent alert, duress): the page
/// says so and shows no phone.
/// </summary>
public sealed record RecipientOrganizerView(string? Name, string? Phone, bool DoNotContact);

public sealed record RecipientMeView(bool Acknowledged, bool Declined, IReadOnlyList<RecipientStatusView> Statuses);

public sealed record RecipientResponderView(string Name, string Role, string? Status, DateTimeOffset At);

public sealed record RecipientStatusView(string Status, string? Note, DateTimeOffset At);

public sealed record RecipientUpdateView(string Kind, string Status, string? Message, DateTimeOffset At);

/// <summary>A statement draft an NGO may publish: the first one, then one per update that calls for it.</summary>
public sealed record RecipientDraftView(string Id, string Title, string Markdown, DateTimeOffset At);

/// <summary>The body of <c>POST /api/r/{code}/status</c>.</summary>
public sealed record RecipientStatusRequest(string? Status, string? Note);
