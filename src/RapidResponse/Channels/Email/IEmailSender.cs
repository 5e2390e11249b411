using RapidResponse.Statements;

namespace RapidResponse.Channels.Email;

/// <summary>An email to send. <see cref="Reference"/> ties provider events back to the delivery.</summary>
public sealed record EmailMessage(string To, string ToName, EmailText Content, string Reference);

/// <summary>Sends email. Throws <see cref="ProviderUnavailableException"/> when the provider cannot be used now.</summary>
public interface IEmailSender
{
    Task<SendOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
