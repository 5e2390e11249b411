namespace RapidResponse.Storage;

/// <summary>The tables of the storage contract.</summary>
public static class TableNames
{
    public const string Contacts = "Contacts";
    public const string Organizers = "Organizers";
    public const string Alerts = "Alerts";
    public const string Idempotency = "Idempotency";

    /// <summary>Messages parked off the poison queues until an operator replays them.</summary>
    public const string PoisonMessages = "PoisonMessages";

    public static readonly IReadOnlyList<string> All = [Contacts, Organizers, Alerts, Idempotency, PoisonMessages];
}

/// <summary>The queues of the storage contract, each with its <c>-poison</c> twin.</summary>
public static class QueueNames
{
    public const string Alerts = "alerts";
    public const string Deliveries = "deliveries";
    public const string Escalations = "escalations";

    public static readonly IReadOnlyList<string> All = [Alerts, Deliveries, Escalations];

    public static string Poison(string queue) => queue + "-poison";
}
