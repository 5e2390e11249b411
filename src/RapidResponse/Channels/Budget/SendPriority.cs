namespace RapidResponse.Channels.Budget;

/// <summary>Who goes first when the send budget is short.</summary>
public enum SendPriority
{
    /// <summary>The first lawyers' SMS of an alert (the <c>deliveries-urgent</c> queue): served before anything else.</summary>
    Urgent,

    /// <summary>Everything else: the rest of a fan-out, NGOs' copies, reminders, follow-ups.</summary>
    Normal,
}
