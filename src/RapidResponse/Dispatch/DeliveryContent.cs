using RapidResponse.Alerts;
using RapidResponse.Channels.Email;
using RapidResponse.Contacts;
using RapidResponse.Organizers;
using RapidResponse.Responses;
using RapidResponse.Statements;

namespace RapidResponse.Dispatch;

/// <summary>What a Delivery row says when sent; <see cref="DeliveryService"/> asks it by channel.</summary>
public interface IDeliveryContent
{
    Task<string> SmsAsync(Alert alert, Delivery delivery, CancellationToken cancellationToken);

    Task<EmailText> EmailAsync(Alert alert, Delivery delivery, CancellationToken cancellationToken);

    /// <summary>
    /// One body for a batch of the same kind: the recipient's name is <see cref="Channels.Email.EmailBatch.NamePlaceholder"/>
    /// and their page link <see cref="Channels.Email.EmailBatch.LinkPlaceholder"/>, filled per recipient by the provider.
    /// </summary>
    Task<EmailText> SharedEmailAsync(Alert alert, Delivery first, CancellationToken cancellationToken);

    /// <summary>The recipient's own page link, issued before it is sent.</summary>
    Task<Uri> PageLinkAsync(Alert alert, Delivery delivery, CancellationToken cancellationToken);
}

/// <summary>
/// What a Delivery row says, by its <see cref="DeliveryKind"/>: the alert (through <see cref="IAlertComposer"/>),
/// a reminder, the responder's confirmation, a follow-up, or the organizer's notice. Written at send time from the
/// alert's rows, so a retried send says the same and no message text is stored twice.
/// </summary>
public sealed class DeliveryContent(
    IAlertComposer composer,
    StatementService statements,
    AlertStore alerts,
    ResponseStore responses,
    OrganizerStore organizers,
    IPageLinks links) : IDeliveryContent
{
    /// <summary>
    /// The SMS, within the first alert SMS's budget: a reminder is the alert SMS composed with the reminder line in
    /// its budget; a confirmation or a follow-up to a recipient is cut to fit with their page link last.
    /// </summary>
    public async Task<string> SmsAsync(Alert alert, Delivery delivery, CancellationToken cancellationToken)
    {
        var text = await TextAsync(alert, delivery, cancellationToken);
        return delivery.Kind is DeliveryKind.Confirmation or DeliveryKind.FollowUp
            ? SmsFit.WithLink(text, await PageLinkAsync(alert, delivery, cancellationToken))
            : text;
    }

    private async Task<string> TextAsync(Alert alert, Delivery delivery, CancellationToken cancellationToken)
    {
        var texts = FollowUpTexts.For(delivery.Language);
        var recipient = delivery.Kind switch
        {
            DeliveryKind.Alert => RecipientOf(delivery) with { PageLink = await PageLinkAsync(alert, delivery, cancellationToken), Lead = Duress(alert, texts) },
            DeliveryKind.Reminder => RecipientOf(delivery) with { PageLink = await PageLinkAsync(alert, delivery, cancellationToken) },
            _ => RecipientOf(delivery),
        };
        return delivery.Kind switch
        {
            DeliveryKind.Alert => composer.ComposeSms(alert, recipient).Body,
            DeliveryKind.Reminder => SmsFit.FirstThatFits(texts.ReminderLeads(await responses.ListAcknowledgementsAsync(alert.Id, cancellationToken))
                .Select(lead => composer.ComposeSms(alert, recipient with { Lead = lead + Duress(alert, texts) }).Body)),
            DeliveryKind.Confirmation => texts.Confirmation(alert, FirstName(delivery.RecipientName), await OrganizerAsync(alert, cancellationToken)),
            DeliveryKind.Notice => await NoticeAsync(alert, delivery, texts, cancellationToken),
            DeliveryKind.FollowUp => await FollowUpAsync(alert, delivery, cancellationToken) switch
            {
                { Kind: FollowUpKind.Duress } => texts.DuressSms(alert),
                { Kind: FollowUpKind.Resolution } f => texts.ResolutionSms(alert, f.Status, f.Message),
                var f => texts.UpdateSms(alert, f.Status, f.Message),
            },
            _ => throw new InvalidOperationException($"Unknown delivery kind {delivery.Kind}."),
        };
    }

    public async Task<EmailText> EmailAsync(Alert alert, Delivery delivery, CancellationToken cancellationToken) =>
        await EmailAsync(alert, delivery, delivery.Kind is DeliveryKind.Alert or DeliveryKind.Reminder ? await PageLinkAsync(alert, delivery, cancellationToken) : null, cancellationToken);

    public async Task<EmailText> SharedEmailAsync(Alert alert, Delivery first, CancellationToken cancellationToken) =>
        await EmailAsync(alert, first with { RecipientName = EmailBatch.NamePlaceholder }, new Uri(EmailBatch.LinkPlaceholder, UriKind.Relative), cancellationToken);

    public async Task<Uri> PageLinkAsync(Alert alert, Delivery delivery, CancellationToken cancellationToken) =>
        await links.IssueAsync(alert, delivery, cancellationToken);

    private async Task<EmailText> EmailAsync(Alert alert, Delivery delivery, Uri? link, CancellationToken cancellationToken)
    {
        var recipient = RecipientOf(delivery) with { PageLink = link };
        var texts = FollowUpTexts.For(delivery.Language);
        switch (delivery.Kind)
        {
            case DeliveryKind.Alert or DeliveryKind.Reminder:
                var email = WithPageLink(composer.ComposeEmail(alert, recipient), link!, texts);
                var prefix = delivery.Kind == DeliveryKind.Reminder ? texts.ReminderSubject : Duress(alert, texts);
                return email with { Subject = prefix + email.Subject };
            case DeliveryKind.FollowUp:
                var followUp = await FollowUpAsync(alert, delivery, cancellationToken);
                var head = followUp.Kind == FollowUpKind.Resolution ? await alerts.GetChainHeadAsync(alert.Id, cancellationToken) : null;
                return FollowUpEmails.Compose(alert, recipient, followUp, statements, head);
            default:
                // Confirmations and notices are SMS; one that fell back to email carries the same words.
                var text = await TextAsync(alert, delivery, cancellationToken);
                return new EmailText(texts.Subject("notice", alert, statements.PlaceName(alert, texts.Language)), text, "<p>" + System.Net.WebUtility.HtmlEncode(text) + "</p>", []);
        }
    }

    private static EmailText WithPageLink(EmailText email, Uri link, FollowUpTexts texts)
    {
        return email with { Text = texts.AckLine(link) + "\n\n" + email.Text, Html = texts.AckHtml(link) + email.Html };
    }

    private async Task<string> NoticeAsync(Alert alert, Delivery notice, FollowUpTexts texts, CancellationToken cancellationToken)
    {
        var responder = notice.About is { } about ? await alerts.GetDeliveryAsync(alert.Id, about, cancellationToken) : null;
        var name = responder?.Role is ContactRole.Ngo or ContactRole.Diplomat ? responder.RecipientName : responder is null ? null : FirstName(responder.RecipientName);
        return texts.Notice(alert, name, responder?.Role);
    }

    private async Task<FollowUpRecord> FollowUpAsync(Alert alert, Delivery delivery, CancellationToken cancellationToken) =>
        int.TryParse(delivery.About, System.Globalization.CultureInfo.InvariantCulture, out var number)
        && await responses.GetFollowUpAsync(alert.Id, number, cancellationToken) is { } record
            ? record
            : throw new InvalidOperationException($"Delivery {delivery.Id} refers to a missing follow-up '{delivery.About}'.");

    private async Task<Organizer?> OrganizerAsync(Alert alert, CancellationToken cancellationToken) =>
        alert.DuressAt is null && !alert.Silent ? await organizers.GetAsync(alert.OrganizerId, cancellationToken) : null;

    private static string Duress(Alert alert, FollowUpTexts texts) =>
        alert.DuressAt is not null ? texts.DuressPrefix : alert.Silent ? texts.SilentPrefix : "";

    private static Recipient RecipientOf(Delivery delivery) => new(delivery.RecipientName, delivery.Role, delivery.Language);

    private static string FirstName(string name) => name.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : name;
}
