using RapidResponse.Contacts;
using RapidResponse.Dispatch;

namespace RapidResponse.Responses;

/// <summary>A recipient said "I'm on it": by SMS reply (lawyers) or the link in their email (NGOs).</summary>
public sealed record Acknowledgement(string DeliveryId, string ContactId, string Responder, ContactRole Role, Channel Via, DateTimeOffset At)
{
    /// <summary>
    /// The name organizers see, never a number or an address: a person's first name, an organisation's (an NGO's, a
    /// mission's) full name, since "National" or "Human" names no organisation.
    /// </summary>
    public string FirstName => Role is ContactRole.Ngo or ContactRole.Diplomat
        ? Responder
        : Responder.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : Responder;
}

/// <summary>What a follow-up to everyone alerted is.</summary>
public enum FollowUpKind
{
    Update,
    Resolution,
    Duress,
}

/// <summary>
/// A follow-up as written to the alert's partition (<c>f|nnnn</c>): the Delivery rows that carry it refer to its
/// number, and each is rendered from it at send time. <see cref="Status"/> is the update's status or the outcome.
/// </summary>
public sealed record FollowUpRecord(int Number, FollowUpKind Kind, string Status, string? Message, DateTimeOffset At);
