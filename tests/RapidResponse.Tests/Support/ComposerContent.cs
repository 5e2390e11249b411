using RapidResponse.Alerts;
using RapidResponse.Dispatch;
using RapidResponse.Statements;

namespace RapidResponse.Tests.Support;

/// <summary>Delivery content straight from an alert composer, for tests of the send machinery that only send alerts.</summary>
public sealed class ComposerContent(IAlertComposer composer) : IDeliveryContent
{
    public Task<string> SmsAsync(Alert alert, Delivery delivery, CancellationToken cancellationToken) =>
        Task.FromResult(composer.ComposeSms(alert, Recipient(delivery)).Body);

    public Task<EmailText> EmailAsync(Alert alert, Delivery delivery, CancellationToken cancellationToken) =>
        Task.FromResult(composer.ComposeEmail(alert, Recipient(delivery)));

    public Task<EmailText> SharedEmailAsync(Alert alert, Delivery first, CancellationToken cancellationToken) =>
        EmailAsync(alert, first with { RecipientName = Channels.Email.EmailBatch.NamePlaceholder }, cancellationToken);

    /// <summary>A link per delivery, so tests can see each recipient got their own.</summary>
    public Task<Uri> PageLinkAsync(Alert alert, Delivery delivery, CancellationToken cancellationToken) =>
        Task.FromResult(new Uri("https://rr.example.org/api/r/" + Uri.EscapeDataString(delivery.Id)));

    private static Recipient Recipient(Delivery delivery) => new(delivery.RecipientName, delivery.Role, delivery.Language);
}
