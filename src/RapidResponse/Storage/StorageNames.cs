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

    /// <summary>Keyed hashes of phone numbers → alerts sent, organizer, opt-out (inbound SMS lookups).</summary>
    public const string PhoneIndex = "PhoneIndex";

    /// <summary>Escalation policy per region.</summary>
    public const string EscalationPolicies = "EscalationPolicies";

    /// <summary>Events organizers registered ahead (partition organizer id).</summary>
    public const string Events = "Events";

    /// <summary>Statement templates and legal profiles uploaded by an admin.</summary>
    public const string StatementOverrides = "StatementOverrides";

    /// <summary>Provider webhooks already acted on (Twilio MessageSid), so a replay changes nothing.</summary>
    public const string WebhookReceipts = "WebhookReceipts";

    /// <summary>Each organizer's allowance of presses, updates and resolves (one row per organizer and action).</summary>
    public const string Limits = "Limits";

    /// <summary>Alerts that may have work outstanding, for the dispatch watchdog (one small partition).</summary>
    public const string PendingWork = "PendingWork";

    /// <summary>Alerts open now, for the coordinators' live board (one small partition).</summary>
    public const string OpenAlerts = "OpenAlerts";

    /// <summary>Provider outages (our account refused), shared by every instance.</summary>
    public const string ProviderStatus = "ProviderStatus";

    /// <summary>SHA-256 of each recipient page code → the delivery it opens (until the alert's retention ends).</summary>
    public const string RecipientLinks = "RecipientLinks";

    /// <summary>Coordinator accounts: role, regions, token hash (partition "coord").</summary>
    public const string Coordinators = "Coordinators";

    /// <summary>The hash-chained audit log of <c>/api/manage</c> (partition day and actor).</summary>
    public const string Audit = "Audit";

    /// <summary>The deployment's send budget: one token bucket per provider sender, shared by every instance.</summary>
    public const string SendBudget = "SendBudget";

    public static readonly IReadOnlyList<string> All =
        [SendBudget, Contacts, Organizers, Alerts, Idempotency, PoisonMessages, PhoneIndex, EscalationPolicies, Events, StatementOverrides, WebhookReceipts, Limits, PendingWork, ProviderStatus, RecipientLinks, Coordinators, Audit, OpenAlerts];
}

/// <summary>The queues of the storage contract, each with its <c>-poison</c> twin.</summary>
public static class QueueNames
{
    public const string Alerts = "alerts";
    public const string Deliveries = "deliveries";

    /// <summary>The first lawyers' SMS of each alert: read by a listener of its own, served first by the send budget.</summary>
    public const string UrgentDeliveries = "deliveries-urgent";
    public const string Escalations = "escalations";

    public static readonly IReadOnlyList<string> All = [Alerts, UrgentDeliveries, Deliveries, Escalations];

    public static string Poison(string queue) => queue + "-poison";
}
