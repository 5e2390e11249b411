using RapidResponse.Dispatch;
using RapidResponse.Security;

namespace RapidResponse.Alerts;

/// <summary>One alert delivery (later messages are on the timeline) as its organizer sees it: who (first name and role), how, and where it stands; the address masked.</summary>
public sealed record DeliveryView(
    string Recipient,
    string Role,
    string Channel,
    string Address,
    string State,
    int Attempts,
    IReadOnlyList<StepView> History);

public sealed record StepView(string State, DateTimeOffset At);

/// <summary>A responder as the organizer sees them.</summary>
public sealed record ResponderView(string Name, string Role, DateTimeOffset At);

/// <summary>The body of <c>GET /api/alerts/{alertId}</c>.</summary>
public sealed record AlertView(
    string AlertId,
    string Status,
    string Region,
    string Incident,
    DateTimeOffset OccurredAt,
    DateTimeOffset CreatedAt,
    bool Silent,
    IReadOnlyList<DeliveryView> Deliveries,
    IReadOnlyList<TimelineEntry> Timeline)
{
    /// <summary>Who is responding: first name and role, never a number or an address.</summary>
    public IReadOnlyList<ResponderView> Acknowledgements { get; init; } = [];

    /// <summary>Shown to the admin only: the alert was called off with the duress code.</summary>
    public bool? Duress { get; init; }

    public static AlertView From(AlertRecord record) => new(
        record.Alert.Id,
        record.Alert.Status.ToString().ToLowerInvariant(),
        record.Alert.Region,
        record.Alert.Incident.ToWire(),
        record.Alert.OccurredAt,
        record.Alert.CreatedAt,
        record.Alert.Silent,
        record.Deliveries
            .Where(d => d.Kind == DeliveryKind.Alert)
            .OrderBy(d => d.Channel).ThenBy(d => d.CreatedAt)
            .Select(d => new DeliveryView(
                d.Role is Contacts.ContactRole.Ngo or Contacts.ContactRole.Diplomat ? d.RecipientName : FirstName(d.RecipientName),
                Contacts.ContactRoles.ToWire(d.Role),
                d.Channel.ToString().ToLowerInvariant(),
                Pii.MaskAddress(d.Address),
                d.State.ToWire(),
                d.Attempts,
                d.History.Select(s => new StepView(s.State.ToWire(), s.At)).ToList()))
            .ToList(),
        record.Timeline.OrderBy(t => t.At).ToList());

    // Organizers see who is responding, never how to reach them.
    private static string FirstName(string name) => name.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : name;
}
