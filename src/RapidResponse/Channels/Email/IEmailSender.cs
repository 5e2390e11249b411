using RapidResponse.Statements;

namespace RapidResponse.Channels.Email;

/// <summary>An email to send. <see cref="Reference"/> ties provider events back to the delivery.</summary>
public sealed record EmailMessage(string To, string ToName, EmailText Content, string Reference);

/// <summary>
/// One recipient of a batch: their address, the name put in place of <see cref="EmailBatch.NamePlaceholder"/>, their
/// reference, and their own link put in place of <see cref="EmailBatch.LinkPlaceholder"/>.
/// </summary>
public sealed record EmailRecipient(string To, string Name, string Reference, Uri? Link = null);

/// <summary>
/// One body for many recipients, sent as one request (SendGrid: one personalization each, at most
/// <see cref="MaxRecipients"/>). Each recipient sees only their own address, and their name where the body says
/// <see cref="NamePlaceholder"/>.
/// </summary>
public sealed record EmailBatch(IReadOnlyList<EmailRecipient> Recipients, EmailText Content)
{
    public const int MaxRecipients = 1000;
    public const string NamePlaceholder = "-recipientName-";
    public const string LinkPlaceholder = "-recipientLink-";
}

/// <summary>Sends email. Throws <see cref="ProviderUnavailableException"/> when the provider cannot be used now.</summary>
public interface IEmailSender
{
    Task<SendOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken);

    /// <summary>Sends one body to every recipient in one request; the outcome holds for all of them.</summary>
    Task<SendOutcome> SendBatchAsync(EmailBatch batch, CancellationToken cancellationToken);
}
