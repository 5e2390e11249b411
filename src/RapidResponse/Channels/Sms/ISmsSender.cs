namespace RapidResponse.Channels.Sms;

/// <summary>An SMS to send. <see cref="Reference"/> ties provider callbacks back to the delivery.</summary>
public sealed record SmsMessage(string To, string Body, string Reference);

/// <summary>Sends SMS. Throws <see cref="ProviderUnavailableException"/> when the provider cannot be used now.</summary>
public interface ISmsSender
{
    Task<SendOutcome> SendAsync(SmsMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// For a send whose answer was lost: the provider's id of an SMS it already took with this text for this number
    /// since <paramref name="since"/>, or null when it has none. Throws <see cref="ProviderUnavailableException"/>
    /// when the provider cannot say now.
    /// </summary>
    Task<string?> FindSentAsync(SmsMessage message, DateTimeOffset since, CancellationToken cancellationToken);
}
