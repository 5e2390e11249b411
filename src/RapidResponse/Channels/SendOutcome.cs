namespace RapidResponse.Channels;

/// <summary>What a provider said to a send it received.</summary>
public abstract record SendOutcome
{
    /// <summary>The provider took the message; <paramref name="ProviderId"/> is its id (Twilio's SID, SendGrid's message id).</summary>
    public sealed record Accepted(string? ProviderId) : SendOutcome;

    /// <summary>The provider refused it for good (invalid number, unknown address): sending again will not help.</summary>
    public sealed record Rejected(string Code, string Reason) : SendOutcome;

    /// <summary>Not handed to the provider: by its turn it was no longer wanted (<see cref="Dispatch.DeliveryWithdrawals"/>).</summary>
    public sealed record Withdrawn(string Reason) : SendOutcome;
}

/// <summary>
/// A provider could not be used just now (connection failure, 429/5xx after retries, open circuit, timeout, or our
/// account refused). <see cref="MayHaveReachedProvider"/> tells whether the request may have been acted on anyway.
/// </summary>
public sealed class ProviderUnavailableException(
    string provider, bool mayHaveReachedProvider, string message, Exception? inner = null, bool accountRefused = false)
    : Exception(message, inner)
{
    public string Provider { get; } = provider;

    public bool MayHaveReachedProvider { get; } = mayHaveReachedProvider;

    /// <summary>
    /// The provider refused our account, not the recipient (a rotated token, a suspended account, a missing
    /// geo-permission): every send would fail the same way until someone fixes it, and then all would succeed.
    /// </summary>
    public bool AccountRefused { get; } = accountRefused;
}
