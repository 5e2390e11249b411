namespace RapidResponse.Channels.Budget;

/// <summary>
/// The deployment's send rate for a provider's sender, shared by every instance: a send waits here for a slot before
/// it calls the provider. Twilio counts messages per sender and calls per account, so the two have budgets of their own.
/// </summary>
public interface ISendBudget
{
    /// <summary>Waits for one send slot of <paramref name="provider"/>'s sender (<c>twilio</c>, <c>twilio-voice</c>, <c>sendgrid</c>).</summary>
    ValueTask AcquireAsync(string provider, SendPriority priority, CancellationToken cancellationToken);
}
