namespace RapidResponse.Channels.Budget;

/// <summary>
/// The deployment's send rate for a provider's sender, shared by every instance: a send waits here for a slot before
/// it calls the provider. Calls (voice) and messages from the same Twilio sender spend the same budget.
/// </summary>
public interface ISendBudget
{
    /// <summary>Waits for one send slot of <paramref name="provider"/>'s sender (<c>twilio</c>, <c>sendgrid</c>).</summary>
    ValueTask AcquireAsync(string provider, SendPriority priority, CancellationToken cancellationToken);
}
