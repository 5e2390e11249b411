using RapidResponse.Contacts;

namespace RapidResponse.Dispatch;

/// <summary>A state the delivery entered, and when.</summary>
public sealed record DeliveryStep(DeliveryState State, DateTimeOffset At);

/// <summary>
/// One recipient × channel of an alert. The recipient's name, role and address are copied from the contact
/// when the alert fans out, so the record shows who was alerted even if the list changes later.
/// </summary>
public sealed record Delivery(
    string AlertId,
    string Id,
    string ContactId,
    string Region,
    string RecipientName,
    ContactRole Role,
    Channel Channel,
    string Address,
    string Language,
    DeliveryState State,
    int Attempts,
    string? ProviderId,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SendingSince,
    IReadOnlyList<DeliveryStep> History)
{
    /// <summary>The row's ETag: updates succeed only over the version that was read.</summary>
    public string? Version { get; init; }

    /// <summary>What the send carries: the alert itself, or a later message about it (<see cref="DeliveryKind"/>).</summary>
    public DeliveryKind Kind { get; init; } = DeliveryKind.Alert;

    /// <summary>
    /// A send of this row may have reached the provider without its answer reaching us (a timeout, a dropped
    /// connection, a worker that died mid-send): the next attempt asks the provider before sending again.
    /// </summary>
    public bool OutcomeUnknown { get; init; }

    /// <summary>Provider failures in a row (reset by a send that goes through): the back-off grows with it.</summary>
    public int Failures { get; init; }

    /// <summary>When the held send is next tried (<see cref="RetryBackoff"/>); the watchdog leaves it alone until then.</summary>
    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>What a later message is about: the follow-up number, the escalation step, or the acknowledging delivery.</summary>
    public string? About { get; init; }

    public static string IdFor(string region, string contactId, Channel channel) =>
        $"{region}|{contactId}|{channel.ToString().ToLowerInvariant()}";

    public Delivery MoveTo(DeliveryState state, DateTimeOffset at) =>
        this with { State = state, History = [.. History, new DeliveryStep(state, at)] };
}
