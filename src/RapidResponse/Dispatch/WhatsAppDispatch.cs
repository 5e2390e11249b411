using RapidResponse.Alerts;
using RapidResponse.Channels;
using RapidResponse.Channels.WhatsApp;
using RapidResponse.Statements;

namespace RapidResponse.Dispatch;

/// <summary>
/// What a WhatsApp delivery sends: the alert as the language's approved Content template (WhatsApp opens a
/// conversation only with one), every later message (confirmation, reminder, follow-up) as the SMS's free text, which
/// WhatsApp takes within 24 hours of the contact's last message. Without a template, or when Twilio refuses, the
/// outcome is <see cref="SendOutcome.Rejected"/> and <see cref="DeliveryFallback"/> sends it by SMS at once.
/// </summary>
public sealed class WhatsAppDispatch(IWhatsAppSender sender, IDeliveryContent content)
{
    public async Task<SendOutcome> SendAsync(Alert alert, Delivery delivery, string reference, CancellationToken cancellationToken)
    {
        if (delivery.Kind != DeliveryKind.Alert)
        {
            return await sender.SendAsync(
                new WhatsAppMessage(delivery.Address, await content.SmsAsync(alert, delivery, cancellationToken), null, null, reference), cancellationToken);
        }

        if (sender.TemplateFor(delivery.Language) is not { } template)
        {
            return new SendOutcome.Rejected("no-template", $"No WhatsApp template is configured for '{delivery.Language}'");
        }

        var page = await content.PageLinkAsync(alert, delivery, cancellationToken);
        return await sender.SendAsync(new WhatsAppMessage(delivery.Address, null, template, Variables(alert, delivery.Language, page), reference), cancellationToken);
    }

    /// <summary>
    /// The template's numbered variables: 1 the heading (the SMS's silent or duress lead, "RapidResponse" and the
    /// reference: never empty, as WhatsApp requires), 2 the incident, 3 the people at risk, 4 the place and map link,
    /// 5 the time, 6 the recipient's own page link (acknowledge, decline).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Variables(Alert alert, string language, Uri page)
    {
        var texts = FollowUpTexts.For(language);
        var lead = alert.DuressAt is not null ? texts.DuressPrefix : alert.Silent ? texts.SilentPrefix : "";
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["1"] = lead + "RapidResponse " + AlertFactsText.Reference(alert),
            ["2"] = Placeholders.Incident(alert.Incident, texts.Language),
            ["3"] = AlertFactsText.Who(alert),
            ["4"] = AlertFactsText.Place(alert),
            ["5"] = AlertFactsText.When(alert),
            ["6"] = page.AbsoluteUri,
        };
    }
}
