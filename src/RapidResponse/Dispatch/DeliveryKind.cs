namespace RapidResponse.Dispatch;

/// <summary>What a Delivery row carries; <see cref="DeliveryContent"/> writes the text by kind.</summary>
public enum DeliveryKind
{
    /// <summary>The alert itself: at the press, or to a wider circle on escalation.</summary>
    Alert,

    /// <summary>To a responder who acknowledged: the full details they need on the way.</summary>
    Confirmation,

    /// <summary>An update or the resolution (or a duress signal) to everyone alerted.</summary>
    FollowUp,

    /// <summary>To someone alerted earlier when nobody of their role has acknowledged yet.</summary>
    Reminder,

    /// <summary>To the organizer: who is coming.</summary>
    Notice,

    /// <summary>A phone call to a lawyer alerted earlier who has not answered (an escalation step's <c>call</c>).</summary>
    Call,
}

/// <summary>Row ids of the later messages: the alert delivery's id plus a suffix, so each is added (and sent) once.</summary>
public static class DeliveryKinds
{
    public static string FollowUpId(Delivery alerted, int followUp) => $"{alerted.Id}|followup-{followUp}";

    public static string ReminderId(Delivery alerted, int step) => $"{alerted.Id}|reminder-{step}";

    public static string CallId(Delivery alerted, int step) => $"{alerted.Id}|call-{step}";

    public static string ConfirmationId(Delivery acknowledged) => $"{acknowledged.Id}|confirmation";

    public static string NoticeId(Delivery acknowledged) => $"notice|{acknowledged.Id}";

    /// <summary>The alert delivery a later message to the same recipient follows (the organizer's notice has none).</summary>
    public static string AlertDeliveryId(Delivery delivery) =>
        delivery.Kind is DeliveryKind.Reminder or DeliveryKind.FollowUp or DeliveryKind.Confirmation or DeliveryKind.Call ? delivery.Id[..delivery.Id.LastIndexOf('|')] : delivery.Id;

    /// <summary>The provider gave up on it: a reminder or follow-up over the same channel would fail too.</summary>
    public static bool IsFinalFailure(this DeliveryState state) => state is DeliveryState.Failed or DeliveryState.Undeliverable;

    /// <summary>A later message to the same recipient, on the same channel.</summary>
    public static Delivery Later(Delivery alerted, string id, DeliveryKind kind, string? about, DateTimeOffset now) =>
        alerted with
        {
            Id = id,
            State = DeliveryState.Pending,
            Attempts = 0,
            ProviderId = null,
            Error = null,
            CreatedAt = now,
            SendingSince = null,
            History = [new DeliveryStep(DeliveryState.Pending, now)],
            Version = null,
            Kind = kind,
            About = about,
            OutcomeUnknown = false,
            Failures = 0,
            RetryAt = null,
        };
}
